/**
 * Quantiles of demand, the shape the inventory policy reads: per horizon day, and of the total
 * over days 1..h (what a lead time, or lead time plus review period, must cover). Both come from
 * the backtest errors of those same horizons and totals (error-distribution.ts), blended with
 * the pooled errors of similar series where one series has too few (pooled-errors.ts); for
 * intermittent items from a count distribution with the errors' mean square (lead-time-demand.ts).
 */
import { profileQuantile, type ErrorProfile } from "./error-distribution"
import { leadTimeDemand } from "./lead-time-demand"

export const QUANTILE_LEVELS = [0.5, 0.8, 0.9, 0.95, 0.98, 0.99] as const

export type DemandQuantiles = {
  /** QUANTILE_LEVELS */
  levels: readonly number[]
  /** [h][levelIndex]: demand on horizon day h + 1 */
  daily: number[][]
  /** [h][levelIndex]: demand summed over days 1..h + 1 */
  cumulative: number[][]
}

/** `mean` is the forecast from the first day on; one row per day of it. */
export function demandQuantiles(mean: readonly number[], profile: ErrorProfile, intermittent: boolean, levels: readonly number[] = QUANTILE_LEVELS): DemandQuantiles {
  const last = profile.byHorizon.length - 1
  const daily = mean.map((m, h) => {
    if (intermittent) {
      const day = leadTimeDemand([m], profile, 1, true)
      return levels.map((p) => day.quantile(p))
    }
    const row = last < 0 ? undefined : profile.byHorizon[Math.min(h, last)]
    return levels.map((p) => Math.max(0, row ? m + profileQuantile(row, p, profile.probs) : m))
  })
  const cumulative = mean.map((_, h) => {
    const total = leadTimeDemand(mean, profile, h + 1, intermittent)
    return levels.map((p) => total.quantile(p))
  })
  return { levels, daily, cumulative }
}
