import { adjustmentLine, type Adjustment } from "./adjustment"
import { earnings } from "./earnings"
import { toNumber } from "./exact-ratio"
import type { PlanVersion } from "./pay-plan"
import type { Period } from "./period"
import type { Proration } from "./proration"
import { linesTotal, type StatementLine } from "./statement-line"
import { measureOf, type Credited, type Metric } from "./types"

/**
 * A rep's pay statement for one period under one plan version: earnings lines from the plan,
 * then clawbacks of closed periods that land here, then manual adjustments. Every line is
 * rounded on its own and the total is the sum of the rounded lines, so a payroll adding up the
 * lines gets the total to the cent. Each line keeps the orders behind it.
 */
export type Statement = {
  repId: string
  periodId: string
  planVersionId: string
  currency: string
  metric: Metric
  status: "open" | "closed"
  closedAt?: string
  /** credited quantity of the plan's metric, net of reversals inside the window */
  quantity: number
  /** the full period's target; null when the rep has none (nothing is earned on the plan) */
  target: number | null
  proratedTarget: number | null
  proration: Proration
  attainment: number | null
  lines: StatementLine[]
  /** earnings lines only (commission, accelerators, bonuses, cap) */
  earnings: number
  total: number
  orderIds: string[]
  reversedOrderIds: string[]
}

export type StatementInput = {
  repId: string
  period: Period
  plan: PlanVersion
  target: number | null
  credited: Credited
  proration: Proration
  /** clawbacks of closed periods landing in this one (clawback.ts) */
  clawbacks?: StatementLine[]
  adjustments?: Adjustment[]
}

export function statementFor(input: StatementInput): Statement {
  const { plan, credited } = input
  const quantity = measureOf(credited, plan.metric)
  const hasTarget = input.target !== null && input.target > 0 && input.proration.activeDays > 0
  const earned = hasTarget
    ? earnings(plan, { quantity, target: input.target!, proration: input.proration, orderIds: credited.orderIds, reversedOrderIds: credited.reversedOrderIds })
    : null
  const lines: StatementLine[] = [...(earned?.lines ?? []), ...(input.clawbacks ?? []), ...(input.adjustments ?? []).map(adjustmentLine)]
  return {
    repId: input.repId,
    periodId: input.period.id,
    planVersionId: plan.id,
    currency: plan.currency,
    metric: plan.metric,
    status: "open",
    quantity,
    target: input.target,
    proratedTarget: earned ? toNumber(earned.proratedTarget) : null,
    proration: input.proration,
    attainment: earned ? toNumber(earned.attainment) : null,
    lines,
    earnings: earned?.total ?? 0,
    total: linesTotal(lines),
    orderIds: credited.orderIds,
    reversedOrderIds: credited.reversedOrderIds,
  }
}

/**
 * Closing a period freezes its statements: later cancellations and returns of its orders no
 * longer change them (they claw back in the next open period, as the plan says).
 */
export function closeStatement(statement: Statement, closedAt: string): Readonly<Statement> {
  // A copy, so freezing it never freezes arrays the open figures still share.
  const closed: Statement = structuredClone({ ...statement, status: "closed", closedAt })
  return deepFreeze(closed)
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const v of Object.values(value as object)) deepFreeze(v)
  }
  return value
}
