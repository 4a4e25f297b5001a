import { cmp, mul, ratio, type Ratio } from "./exact-ratio"
import type { PlanVersion } from "./pay-plan"

/**
 * Threshold bonuses: a fixed amount for reaching an attainment (inclusive), each one reached
 * paid once; prorated for a rep who sold part of the period, like the target they reached.
 */
export type BonusPart = { label: string; amount: Ratio; at: Ratio }

export function thresholdBonusParts(plan: PlanVersion, attainment: Ratio, proration: Ratio): BonusPart[] {
  const parts: BonusPart[] = []
  for (const b of plan.thresholdBonuses ?? []) {
    const at = ratio(b.at)
    if (cmp(attainment, at) < 0) continue
    parts.push({ label: `bonus for reaching ${+(Number(at.n) / Number(at.d) * 100).toFixed(4)}%`, amount: mul(ratio(b.amount), proration), at })
  }
  return parts
}
