import { earningsTotal } from "./earnings"
import { add, ceil, cmp, div, mul, ratio, sub, type Ratio } from "./exact-ratio"
import type { PlanVersion } from "./pay-plan"
import { prorationFactor, type Proration } from "./proration"
import { formatMinor } from "./rounding"
import { attainmentOf, nextTier, tierBands, tierName } from "./tier"
import { measureOf, type Credited } from "./types"

/**
 * What reaches the next tier: the fewest more orders of the rep's average size that lift
 * attainment to the next tier's start, and what that adds to the period's earnings (tier,
 * accelerators, bonuses and cap included). "Average size" is the rep's own credited measure per
 * credited order in the period (revenue per order for a revenue plan, 1 for an orders plan).
 */
export type WhatIf = {
  /** the tier it reaches, e.g. "tier 3 (100%-120%)" */
  tier: string
  ordersNeeded: number
  /** the plan's measure per order used */
  averageOrder: number
  earningsNow: number
  earningsThen: number
  /** earningsThen - earningsNow, minor units */
  added: number
}

export function nextTierWhatIf(plan: PlanVersion, credited: Credited, target: number | null, proration: Proration): WhatIf | null {
  if (target === null || !(target > 0) || proration.activeDays <= 0) return null
  const q = ratio(measureOf(credited, plan.metric))
  const proratedTarget = mul(ratio(target), prorationFactor(proration))
  const bands = tierBands(plan.tiers)
  const next = nextTier(bands, attainmentOf(q, proratedTarget))
  if (!next) return null
  const average: Ratio = plan.metric === "orders" ? ratio(1) : credited.orders > 0 ? div(q, ratio(credited.orders)) : ratio(0)
  if (average.n <= 0n) return null
  const gap = sub(mul(next.from, proratedTarget), q)
  const n = ceil(div(gap, average))
  const ordersNeeded = Number(n < 1n ? 1n : n)
  const then = add(q, mul(average, ratio(ordersNeeded)))
  if (cmp(attainmentOf(then, proratedTarget), next.from) < 0) return null
  const earningsNow = earningsTotal(plan, { quantity: q, target, proration })
  const earningsThen = earningsTotal(plan, { quantity: then, target, proration })
  return { tier: tierName(next), ordersNeeded, averageOrder: Number(average.n) / Number(average.d), earningsNow, earningsThen, added: earningsThen - earningsNow }
}

/** "2 more orders of an average size reach the next tier: +1240.00 CNY" */
export function whatIfText(w: WhatIf, currency: string): string {
  const orders = w.ordersNeeded === 1 ? "1 more order" : `${w.ordersNeeded} more orders`
  return `${orders} of an average size reach the next tier: +${formatMinor(w.added, currency)} ${currency.toUpperCase()}`
}
