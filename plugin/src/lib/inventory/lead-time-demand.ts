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

export type Total = { cdf: (k: number) => number; lower: number; upper: number }

/** Demand totals over any number of days, for one series. */
export type DemandModel = {
  distribution: DemandDistribution
  /** P(total over `days` <= k) for increasing whole k, and levels it stays above and below */
  totalOver(days: number): Total
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
        return { cdf: negativeBinomialCdf(mean, size), lower: countLower(mean, size), upper: countUpper(mean, size) }
      },
    }
  }
  return {
    distribution: "quantiles",
    totalOver(days) {
      if (days <= 0) return zero
      const curve = quantileCurve(demand.quantiles.levels, cumulativeRow(demand, days).quantiles)
      return { cdf: curveUnitsCdf(curve), lower: curveLower(curve), upper: curveUpper(curve) }
    },
  }
}

const zero: Total = { cdf: (k: number) => (k < 0 ? 0 : 1), lower: 0, upper: 0 }

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
  const t = model.totalOver(days)
  return latticeFromCdf(t.cdf, t.lower, t.upper, step)
}

/** Lead-time demand: the totals over each possible lead time, mixed by its probabilities. */
export function leadTimeDemandLattice(model: DemandModel, leadTime: readonly LeadTimePoint[], step: number): Lattice {
  if (leadTime.length === 1) return totalLattice(model, leadTime[0].days, step)
  return mixture(
    leadTime.map((p) => totalLattice(model, p.days, step)),
    leadTime.map((p) => p.weight)
  )
}
