import type { DemandQuantiles } from "../forecast"

export { QUANTILE_LEVELS, type DemandQuantiles } from "../forecast"

/** One series' demand forecast as the engine reads it. */
export type SeriesDemand = {
  /** mean forecast per day, day 1 first */
  mean: number[]
  quantiles: DemandQuantiles
  /** sells on few days (count distributions describe it, not a bell curve) */
  intermittent: boolean
}

/** Mean total demand over the next `days` days (fractional days pro rata; past the forecast, its last day repeats). */
export function meanOver(mean: readonly number[], days: number): number {
  let total = 0
  const whole = Math.floor(days)
  for (let k = 0; k < whole; k++) total += dayMean(mean, k)
  return total + (days - whole) * dayMean(mean, whole)
}

function dayMean(mean: readonly number[], k: number): number {
  return mean.length ? mean[Math.min(k, mean.length - 1)] ?? 0 : 0
}

/**
 * The quantile row of total demand over `days` whole days. Past the forecast horizon the spread
 * around the mean grows like a random walk's (square root of the days), as the forecasting
 * engine's own lead-time demand does.
 */
export function cumulativeRow(demand: SeriesDemand, days: number): { mean: number; quantiles: number[] } {
  const d = Math.max(0, Math.round(days))
  const levels = demand.quantiles.levels
  if (d === 0) return { mean: 0, quantiles: levels.map(() => 0) }
  const H = demand.quantiles.cumulative.length
  const mu = meanOver(demand.mean, d)
  if (H === 0) return { mean: mu, quantiles: levels.map(() => mu) }
  if (d <= H) return { mean: mu, quantiles: demand.quantiles.cumulative[d - 1].slice() }
  const muH = meanOver(demand.mean, H)
  const stretch = Math.sqrt(d / H)
  return { mean: mu, quantiles: demand.quantiles.cumulative[H - 1].map((q) => Math.max(0, mu + (q - muH) * stretch)) }
}
