import { acceleratorParts } from "./accelerator"
import { capAmount, capCut } from "./cap"
import { max, mul, ratio, ZERO, type Ratio } from "./exact-ratio"
import type { PlanVersion } from "./pay-plan"
import { prorationFactor, type Proration } from "./proration"
import { roundHalfUp } from "./rounding"
import type { StatementLine } from "./statement-line"
import { thresholdBonusParts } from "./threshold-bonus"
import { attainmentOf, commissionParts, tierBands } from "./tier"

/**
 * What a plan version pays for a credited quantity against a target in one period: the tier
 * lines, the accelerator lines, the threshold bonuses and the cap, each line rounded half up on
 * its own; the period's earnings are the sum of those rounded lines. Pure and exact, so the
 * same function prices a statement, a what-if and a clawback of a closed period.
 */
export type EarningsInput = {
  /** credited quantity of the plan's metric (minor units or a count), net of clawed reversals */
  quantity: number | Ratio
  /** the full period's target for the plan's metric (before proration) */
  target: number
  proration: Proration
  orderIds?: string[]
  reversedOrderIds?: string[]
}

export type Earnings = {
  lines: StatementLine[]
  total: number
  /** quantity / prorated target */
  attainment: Ratio
  proratedTarget: Ratio
}

export function earnings(plan: PlanVersion, input: EarningsInput): Earnings {
  const factor = prorationFactor(input.proration)
  const proratedTarget = mul(ratio(input.target), factor)
  if (proratedTarget.n <= 0n) throw new RangeError("pay needs a positive target for the active days")
  const q = max(ZERO, typeof input.quantity === "object" ? input.quantity : ratio(input.quantity))
  const attainment = attainmentOf(q, proratedTarget)
  const bands = tierBands(plan.tiers)
  const orderIds = input.orderIds ?? []
  const reversedOrderIds = input.reversedOrderIds ?? []
  const lines: StatementLine[] = []
  const trace = () => ({ orderIds, ...(reversedOrderIds.length ? { reversedOrderIds } : {}) })
  for (const c of commissionParts(plan, bands, q, proratedTarget)) {
    lines.push({ kind: "commission", label: c.label, amount: roundHalfUp(c.amount), basis: toPlain(c.basis), rate: c.rateText, ...trace() })
  }
  for (const a of acceleratorParts(plan, bands, q, proratedTarget)) {
    lines.push({ kind: "accelerator", label: a.label, amount: roundHalfUp(a.amount), basis: toPlain(a.basis), rate: a.rateText, ...trace() })
  }
  for (const b of thresholdBonusParts(plan, attainment, factor)) {
    lines.push({ kind: "threshold_bonus", label: b.label, amount: roundHalfUp(b.amount), ...trace() })
  }
  const cap = capAmount(plan.cap, factor)
  const earned = lines.reduce((s, l) => s + l.amount, 0)
  const cut = capCut(earned, cap)
  if (cut) lines.push({ kind: "cap", label: `cap of ${cap} reached`, amount: cut, orderIds: [] })
  return { lines, total: earned + cut, attainment, proratedTarget }
}

/** The earnings total alone (a what-if or a clawback needs nothing else). */
export function earningsTotal(plan: PlanVersion, input: EarningsInput): number {
  return earnings(plan, input).total
}

const toPlain = (r: Ratio) => Number(r.n) / Number(r.d)
