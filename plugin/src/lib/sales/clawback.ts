import { insideWindow } from "./credit"
import { earningsTotal } from "./earnings"
import { sub, ratio, type Ratio } from "./exact-ratio"
import type { PlanVersion } from "./pay-plan"
import { inPeriod, type Period } from "./period"
import type { Statement } from "./statement"
import type { StatementLine } from "./statement-line"
import { measureOf, type Reversal } from "./types"

/**
 * Clawback of a closed period. Its statement is frozen, so a cancellation or return of one of
 * its orders (inside the plan's window) is taken back in the next open period as its own line:
 * what the closed period paid less what it would have paid without that order, recomputed from
 * the frozen figures. So a return that drops a rep below a tier takes back the tier too, and
 * the closed period's total plus its clawbacks is what the period would now pay, to the cent.
 * Inside an open period there is no clawback line: the order just stops counting (credit.ts).
 */
export type ClosedPeriodClawbackInput = {
  plan: PlanVersion
  closed: Readonly<Statement>
  /** reversals of the closed period's orders not yet clawed back, in the order they happened */
  reversals: readonly Reversal[]
  /** quantity of the closed period already taken back in earlier periods */
  alreadyClawed?: number
}

export function closedPeriodClawbacks(input: ClosedPeriodClawbackInput): StatementLine[] {
  const { plan, closed } = input
  if (plan.clawback.afterClose !== "next_open_period" || closed.target === null || !(closed.target > 0)) return []
  const paid = new Set(closed.orderIds)
  const alreadyOff = new Set(closed.reversedOrderIds)
  let q: Ratio = sub(ratio(closed.quantity), ratio(input.alreadyClawed ?? 0))
  const priced = (quantity: Ratio) => earningsTotal(plan, { quantity, target: closed.target!, proration: closed.proration })
  let before = priced(q)
  const lines: StatementLine[] = []
  for (const r of [...input.reversals].sort((a, b) => (a.reversedDate < b.reversedDate ? -1 : a.reversedDate > b.reversedDate ? 1 : 0))) {
    if (r.repId !== closed.repId || !paid.has(r.orderId) || alreadyOff.has(r.orderId)) continue
    if (!insideWindow(r, plan.clawback.windowDays)) continue
    q = sub(q, ratio(measureOf(r, plan.metric)))
    const after = priced(q)
    if (after !== before) {
      lines.push({
        kind: "clawback",
        label: `${r.kind} of ${r.orderId} (${r.reversedDate}), paid in closed period ${closed.periodId}`,
        amount: after - before,
        basis: measureOf(r, plan.metric),
        orderIds: [r.orderId],
        fromPeriodId: closed.periodId,
      })
    }
    before = after
  }
  return lines
}

/**
 * The period a reversal of a closed period's order lands in: the open period holding its date,
 * else the first open period after it.
 */
export function landingPeriod(reversedDate: string, periods: readonly { period: Period; closed: boolean }[]): Period | null {
  const open = periods.filter((p) => !p.closed).map((p) => p.period).sort((a, b) => (a.start < b.start ? -1 : 1))
  return open.find((p) => inPeriod(reversedDate, p)) ?? open.find((p) => p.start > reversedDate) ?? null
}
