/**
 * Demand over the lead time as a distribution: for each possible lead time, the total over that
 * many days taken from the forecast's cumulative quantiles (smooth items) or from a count
 * distribution fitted to them (intermittent items), mixed by the lead time's probabilities. The
 * lead time's spread thus widens the total by d^2 sigma_L^2 and by its skew, with no normal
 * approximation (the textbook's sqrt(L sigma_d^2 + d^2 sigma_L^2) is the normal special case).
 */
import { countOver, fitCount, type CountFit } from "./count-fit"
import { cumulativeRow, meanOver, type SeriesDemand } from "./demand-quantiles"
import { latticeFromCdf, mixture, pointMass, stepFor, type Lattice } from "./lattice"
import type { LeadTimePoint } from "./lead-time"
import { countLower, countUpper, negativeBinomialCdf } from "./negative-binomial"
import { curveLower, curveUnitsCdf, curveUpper, quantileCurve } from "./quantile-curve"

export type DemandDistribution = "quantiles" | "poisson" | "negative-binomial"

/** A total's range, and its whole-unit cdf made on demand (the range alone sets the lattice's step). */
export type Total = { lower: number; upper: number; cdf: () => (k: number) => number }

/** Demand totals over any number of days, for one series. */
export type DemandModel = {
  distribution: DemandDistribution
  /** the total over `days`: levels it stays above and below, and P(total <= k) for whole k */
  totalOver(days: number): Total
  /** the lead-time mixture built in one pass, where the family allows (counts on a one-unit step) */
  mixtureOver?(leadTime: readonly LeadTimePoint[], step: number): Lattice | null
}

/** The count fit is made once, on the total over `fitDays` (the lead time): that is where the stock decision looks. */
export function demandModel(demand: SeriesDemand, fitDays: number): DemandModel {
  if (demand.intermittent) {
    const ref = Math.max(1, Math.round(fitDays))
    const row = cumulativeRow(demand, ref)
    const fit: CountFit = fitCount(demand.quantiles.levels, row.quantiles, row.mean, ref)
    return {
      distribution: fit.distribution,
      totalOver(days) {
        if (days <= 0) return zero
        const { mean, size } = countOver(fit, days, row.mean, meanOver(demand.mean, days))
        return { cdf: () => negativeBinomialCdf(mean, size), lower: countLower(mean, size), upper: countUpper(mean, size) }
      },
      mixtureOver(leadTime, step) {
        if (step !== 1) return null
        const parts = leadTime.map((p) => (p.days > 0 ? { w: p.weight, ...countOver(fit, p.days, row.mean, meanOver(demand.mean, p.days)) } : { w: p.weight, mean: 0, size: Infinity }))
        return countMixture(parts)
      },
    }
  }
  const curves = new Map<number, Total>()
  return {
    distribution: "quantiles",
    totalOver(days) {
      if (days <= 0) return zero
      let t = curves.get(days)
      if (!t) {
        const curve = quantileCurve(demand.quantiles.levels, cumulativeRow(demand, days).quantiles)
        curves.set(days, (t = { cdf: () => curveUnitsCdf(curve), lower: curveLower(curve), upper: curveUpper(curve) }))
      }
      return t
    },
  }
}

const zero: Total = { cdf: () => (k: number) => (k < 0 ? 0 : 1), lower: 0, upper: 0 }

/**
 * One step for every total the policy adds up: the lead-time mixture spans the shortest lead
 * time's lower end to the longest's upper end, the review period's demand from zero (undershoot).
 */
export function commonStep(model: DemandModel, leadTime: readonly LeadTimePoint[], reviewDays: number): number {
  const days = leadTime.map((p) => p.days)
  const shortest = model.totalOver(Math.min(...days))
  const longest = model.totalOver(Math.max(...days))
  const lead = stepFor(shortest.lower, longest.upper)
  return reviewDays > 0 ? Math.max(lead, stepFor(0, model.totalOver(reviewDays).upper)) : lead
}

export function totalLattice(model: DemandModel, days: number, step: number): Lattice {
  if (days <= 0) return pointMass(0, step)
  const direct = model.mixtureOver?.([{ days, weight: 1 }], step)
  if (direct) return direct
  const t = model.totalOver(days)
  return latticeFromCdf(t.cdf(), t.lower, t.upper, step)
}

/** Lead-time demand: the totals over each possible lead time, mixed by its probabilities. */
export function leadTimeDemandLattice(model: DemandModel, leadTime: readonly LeadTimePoint[], step: number): Lattice {
  const direct = model.mixtureOver?.(leadTime, step)
  if (direct) return direct
  if (leadTime.length === 1) return totalLattice(model, leadTime[0].days, step)
  return mixture(
    leadTime.map((p) => totalLattice(model, p.days, step)),
    leadTime.map((p) => p.weight)
  )
}

/**
 * A mixture of negative binomials (Poisson for infinite size) on whole units, summed straight
 * into one array through each part's pmf recursion: slow movers are most of a catalogue, and this
 * is their hot path.
 */
function countMixture(parts: readonly { w: number; mean: number; size: number }[]): Lattice {
  let lo = Infinity
  let hi = 0
  for (const p of parts) {
    lo = Math.min(lo, p.mean > 0 ? countLower(p.mean, p.size) : 0)
    hi = Math.max(hi, p.mean > 0 ? countUpper(p.mean, p.size) : 0)
  }
  const pmf = new Float64Array(hi - lo + 1)
  for (const p of parts) {
    if (!(p.mean > 0)) {
      pmf[0] += p.w
      continue
    }
    const poisson = !Number.isFinite(p.size)
    const q = poisson ? 0 : p.size / (p.size + p.mean)
    const log0 = poisson ? -p.mean : p.size * Math.log(q)
    if (log0 < -700) {
      // beyond the recursion's range (never a slow mover): the general route
      const t = latticeFromCdf(negativeBinomialCdf(p.mean, p.size), countLower(p.mean, p.size), countUpper(p.mean, p.size), 1)
      for (let i = 0; i < t.pmf.length; i++) pmf[t.lo + i - lo] += p.w * t.pmf[i]
      continue
    }
    let f = Math.exp(log0)
    let below = 0
    let seen = 0
    for (let x = 0; x < hi; x++) {
      if (x >= lo) pmf[x - lo] += p.w * f
      else below += f
      seen += f
      f *= poisson ? p.mean / (x + 1) : ((x + p.size) / (x + 1)) * (1 - q)
    }
    // what lies below the first bin joins it, what lies beyond the last joins that one
    pmf[0] += p.w * below
    pmf[hi - lo] += p.w * Math.max(0, 1 - seen)
  }
  return { step: 1, lo, pmf }
}
