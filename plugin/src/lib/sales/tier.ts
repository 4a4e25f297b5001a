import { add, cmp, max, min, mul, ratio, sub, ZERO, type Ratio } from "./exact-ratio"
import type { PlanVersion, Tier } from "./pay-plan"

/**
 * The tier table. A tier covers attainment from its `from` (inclusive) to the next tier's
 * start; reaching an edge exactly reaches the tier above it.
 *
 * Flat: once a tier is reached, ALL of the quantity is paid at its rate (a step in pay at each
 * edge). Marginal: each band of the quantity is paid at its own band's rate, like income tax
 * (pay is continuous in attainment).
 */
export type TierBand = { index: number; from: Ratio; to: Ratio | null; rate: Ratio; rateText: string }

// A plan version's tier table is read on every statement: parse it once per table.
const bandsOf = new WeakMap<readonly Tier[], TierBand[]>()

export function tierBands(tiers: readonly Tier[]): TierBand[] {
  let bands = bandsOf.get(tiers)
  if (!bands) bandsOf.set(tiers, (bands = parseBands(tiers)))
  return bands
}

function parseBands(tiers: readonly Tier[]): TierBand[] {
  return tiers
    .map((t, index) => ({ index, from: ratio(t.from), to: t.to === null ? null : ratio(t.to), rate: ratio(t.rate), rateText: String(t.rate) }))
    .sort((a, b) => cmp(a.from, b.from))
}

/** The tier an attainment has reached; null below the first tier's start. */
export function reachedTier(bands: readonly TierBand[], attainment: Ratio): TierBand | null {
  let reached: TierBand | null = null
  for (const b of bands) if (cmp(attainment, b.from) >= 0) reached = b
  return reached
}

/** The first tier not yet reached. */
export function nextTier(bands: readonly TierBand[], attainment: Ratio): TierBand | null {
  for (const b of bands) if (cmp(attainment, b.from) < 0) return b
  return null
}

/** Quantity edges of a band for a target. */
export function bandEdges(band: TierBand, target: Ratio): { lo: Ratio; hi: Ratio | null } {
  return { lo: mul(band.from, target), hi: band.to === null ? null : mul(band.to, target) }
}

/** How much of [lo, hi) a quantity q fills. */
export function filled(q: Ratio, lo: Ratio, hi: Ratio | null): Ratio {
  const top = hi === null ? q : min(q, hi)
  return max(ZERO, sub(top, lo))
}

/**
 * Commission earned on the part of the quantity in [lo, hi), before any rounding: what an
 * accelerator multiplies. Flat pays that part at the reached tier's rate; marginal at the
 * rates of the bands it crosses.
 */
export function commissionBetween(plan: PlanVersion, bands: readonly TierBand[], q: Ratio, target: Ratio, lo: Ratio, hi: Ratio | null): Ratio {
  const part = filled(q, lo, hi)
  if (part.n === 0n) return ZERO
  if (plan.tierMode === "flat") {
    const tier = reachedTier(bands, attainmentOf(q, target))
    return tier ? mul(part, tier.rate) : ZERO
  }
  let out = ZERO
  for (const b of bands) {
    const e = bandEdges(b, target)
    const bandLo = max(e.lo, lo)
    const bandHi = e.hi === null ? hi : hi === null ? e.hi : min(e.hi, hi)
    if (bandHi !== null && cmp(bandHi, bandLo) <= 0) continue
    out = add(out, mul(filled(q, bandLo, bandHi), b.rate))
  }
  return out
}

export function attainmentOf(q: Ratio, target: Ratio): Ratio {
  return { n: q.n * target.d, d: q.d * target.n }
}

/** The commission lines, unrounded: one for flat, one per band reached for marginal. */
export type CommissionPart = { label: string; basis: Ratio; rateText: string; amount: Ratio }

export function commissionParts(plan: PlanVersion, bands: readonly TierBand[], q: Ratio, target: Ratio): CommissionPart[] {
  if (plan.tierMode === "flat") {
    const tier = reachedTier(bands, attainmentOf(q, target))
    if (!tier) return []
    return [{ label: `${tierName(tier)}, flat: all of it at ${tier.rateText}`, basis: q, rateText: tier.rateText, amount: mul(q, tier.rate) }]
  }
  const parts: CommissionPart[] = []
  for (const b of bands) {
    const e = bandEdges(b, target)
    const part = filled(q, e.lo, e.hi)
    if (part.n === 0n) continue
    parts.push({ label: `${tierName(b)}, marginal: the band at ${b.rateText}`, basis: part, rateText: b.rateText, amount: mul(part, b.rate) })
  }
  return parts
}

export function tierName(b: TierBand): string {
  return `tier ${b.index + 1} (${pct(b.from)}${b.to === null ? "+" : `-${pct(b.to)}`})`
}

const pct = (r: Ratio) => `${+((Number(r.n) / Number(r.d)) * 100).toFixed(4)}%`
