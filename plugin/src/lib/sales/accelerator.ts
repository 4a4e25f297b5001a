import { mul, ratio, sub, cmp, type Ratio } from "./exact-ratio"
import type { PlanVersion } from "./pay-plan"
import { commissionBetween, type TierBand } from "./tier"

/**
 * Accelerators above target: from each accelerator's start up to the next one's, what the
 * tiers earn there is paid `multiplier` times. The line holds the extra part
 * ((multiplier - 1) x the commission in that band), so the tier lines still read as the tier
 * table says. Multipliers do not compound: the band above 150% at x2 pays 2x, not 1.5 x 2.
 */
export type AcceleratorPart = { label: string; basis: Ratio; rateText: string; amount: Ratio }

export function acceleratorParts(plan: PlanVersion, bands: readonly TierBand[], q: Ratio, target: Ratio): AcceleratorPart[] {
  const list = (plan.accelerators ?? []).map((a) => ({ from: ratio(a.from), multiplier: ratio(a.multiplier), text: String(a.multiplier) }))
  list.sort((a, b) => cmp(a.from, b.from))
  const parts: AcceleratorPart[] = []
  list.forEach((a, i) => {
    const lo = mul(a.from, target)
    const hi = i + 1 < list.length ? mul(list[i + 1].from, target) : null
    const earned = commissionBetween(plan, bands, q, target, lo, hi)
    if (earned.n === 0n) return
    const extra = sub(a.multiplier, ratio(1))
    parts.push({ label: `accelerator x${a.text} above ${+(Number(a.from.n) / Number(a.from.d) * 100).toFixed(4)}%`, basis: earned, rateText: a.text, amount: mul(earned, extra) })
  })
  return parts
}
