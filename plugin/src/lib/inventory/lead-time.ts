/**
 * Supplier lead time as a distribution over whole days: normal with the given mean and standard
 * deviation, cut at zero; a fractional mean with no spread splits between its two neighbouring
 * days. Wide spreads are gathered into at most MAX_POINTS groups of neighbouring days, each at
 * its probability-weighted day (rounded), so an item's cost stays bounded.
 */
import { normalCdfFast } from "./normal"

export type LeadTimePoint = { days: number; weight: number }

const MAX_POINTS = 15

/** A store has few distinct lead times (set per supplier, category or location): each is computed once. */
const known = new Map<string, readonly LeadTimePoint[]>()

export function leadTimeDistribution(meanDays: number, sdDays: number): readonly LeadTimePoint[] {
  const key = `${meanDays}|${sdDays}`
  let points = known.get(key)
  if (!points) {
    if (known.size >= 10_000) known.clear()
    known.set(key, (points = Object.freeze(discretise(meanDays, sdDays))))
  }
  return points
}

function discretise(meanDays: number, sdDays: number): LeadTimePoint[] {
  const mu = Math.max(0, meanDays)
  if (!(sdDays > 0)) {
    const lo = Math.floor(mu)
    const w = mu - lo
    return w > 1e-9 ? [{ days: lo, weight: 1 - w }, { days: lo + 1, weight: w }] : [{ days: lo, weight: 1 }]
  }
  const from = Math.max(0, Math.floor(mu - 3.5 * sdDays))
  const to = Math.ceil(mu + 3.5 * sdDays)
  const days: LeadTimePoint[] = []
  for (let l = from; l <= to; l++) {
    // the end days take the tails beyond them (a lead time is never negative)
    const upper = l === to ? 1 : normalCdfFast((l + 0.5 - mu) / sdDays)
    const lower = l === from ? 0 : normalCdfFast((l - 0.5 - mu) / sdDays)
    if (upper - lower > 1e-6) days.push({ days: l, weight: upper - lower })
  }
  const total = days.reduce((s, d) => s + d.weight, 0)
  const width = Math.ceil(days.length / MAX_POINTS)
  const out: LeadTimePoint[] = []
  for (let i = 0; i < days.length; i += width) {
    const group = days.slice(i, i + width)
    const w = group.reduce((s, d) => s + d.weight, 0)
    out.push({ days: Math.round(group.reduce((s, d) => s + d.days * d.weight, 0) / w), weight: w / total })
  }
  return out
}

export function leadTimeMean(points: readonly LeadTimePoint[]): number {
  return points.reduce((s, p) => s + p.days * p.weight, 0)
}
