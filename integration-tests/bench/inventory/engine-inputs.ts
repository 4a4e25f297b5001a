/** The engine's entry points and count rows for the synthetic catalogue. */
import { QUANTILE_LEVELS, negativeBinomialCdf, type SeriesDemand } from "../../../plugin/src/lib/inventory"

export { QUANTILE_LEVELS, normalQuantile, reorderPolicy, topList, type InventoryPolicy, type PolicyInput, type SeriesDemand } from "../../../plugin/src/lib/inventory"

/** Daily counts of mean `daily` whose h-day totals are negative binomial NB(h daily, h size). */
export function countDemandRows(daily: number, size: number, horizon: number): SeriesDemand {
  const mean = new Array(horizon).fill(daily)
  const quantile = (mu: number, k: number, p: number) => {
    const cdf = negativeBinomialCdf(mu, k)
    let x = 0
    while (cdf(x) < p) x++
    return x
  }
  const row = (h: number) => QUANTILE_LEVELS.map((p) => quantile(daily * h, size * h, p))
  const rows = mean.map((_, h) => row(h + 1))
  return { mean, intermittent: true, quantiles: { levels: QUANTILE_LEVELS, daily: mean.map(() => rows[0]), cumulative: rows } }
}
