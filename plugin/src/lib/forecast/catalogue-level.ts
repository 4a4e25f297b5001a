/**
 * The catalogue's level, day by day, relative to its whole history: the store's total demand
 * (week's shape taken out) over the last few weeks, divided by its mean since the start. A single
 * SKU's recent weeks are mostly noise, so its own recent mean chases it (pizza: the mean of the
 * last 28 days scores worse than the whole history's); the store's total is a hundred SKUs
 * summed, and its recent weeks say clearly whether the shop as a whole is busier or quieter than
 * usual. A SKU's long-run mean times that ratio is the top-down forecast: its share of the store
 * at the store's current level.
 *
 * Returned as a path, `path[t]` = the ratio known once periods 0..t have closed, so that a
 * backtest origin sees only the ratio of its own day (series aligned at their start, as in
 * `sharedSeasonalProfile`).
 */
import { sharedSeasonalProfile } from "./seasonality"

/**
 * Four weeks: pizza's validation (the 28 days before its test; rolling origins every 14 days from
 * day 197 to 309) scored windows of 14 to 56 days alike, 0.786 / 0.778-0.781, and 91 days worse.
 */
export const CATALOGUE_LEVEL_WINDOW = 28

export function catalogueLevelPath(series: readonly (readonly number[])[], season: number, window = CATALOGUE_LEVEL_WINDOW): number[] {
  const n = Math.max(0, ...series.map((s) => s.length))
  const total = new Array(n).fill(0)
  for (const s of series) s.forEach((v, t) => (total[t] += Number.isFinite(v) ? v : 0))
  const m = Math.max(1, Math.round(season))
  const profile = m > 1 && n >= 2 * m ? sharedSeasonalProfile([total], m) : []
  const adjusted = total.map((v, t) => (profile.length === m && profile[t % m] > 0 ? v / profile[t % m] : v))
  const path: number[] = []
  let sumAll = 0
  let sumRecent = 0
  for (let t = 0; t < n; t++) {
    sumAll += adjusted[t]
    sumRecent += adjusted[t] - (t >= window ? adjusted[t - window] : 0)
    const recent = sumRecent / Math.min(window, t + 1)
    const all = sumAll / (t + 1)
    // until a whole window has closed the two means are the same days: no evidence of a change
    path.push(t + 1 >= window && all > 0 ? recent / all : 1)
  }
  return path
}
