/**
 * Demand on a day with no stock is unknown, not zero: what sold is a lower bound. Such days are
 * replaced by an estimate from the same weekday in nearby weeks (or the nearest days in stock),
 * never below what actually sold, and they are left out when forecasts are scored. A day whose
 * stock is unknown (`undefined`/`null`: before the plugin was installed) is taken as it is.
 */

export type StockFlag = boolean | null | undefined

export type CensoredSeries = {
  values: number[]
  /** true where the value is an estimate because the item was out of stock */
  censored: boolean[]
}

const NEIGHBOUR_SEASONS = 4
const NEIGHBOUR_DAYS = 14

export function censorStockOuts(y: readonly number[], inStock: readonly StockFlag[] | undefined, season: number): CensoredSeries {
  const censored = y.map((_, t) => inStock?.[t] === false)
  if (!censored.some(Boolean)) return { values: y.slice(), censored }
  const values = y.slice()
  const m = season > 1 ? season : 1
  let allSum = 0
  let allCount = 0
  for (let t = 0; t < y.length; t++) {
    if (!censored[t]) {
      allSum += y[t]
      allCount++
    }
  }
  for (let t = 0; t < y.length; t++) {
    if (!censored[t]) continue
    let sum = 0
    let count = 0
    if (m > 1) {
      for (let k = 1; k <= NEIGHBOUR_SEASONS; k++) {
        for (const u of [t - k * m, t + k * m]) {
          if (u >= 0 && u < y.length && !censored[u]) {
            sum += y[u]
            count++
          }
        }
      }
    }
    if (count === 0) {
      for (let d = 1; d <= NEIGHBOUR_DAYS; d++) {
        for (const u of [t - d, t + d]) {
          if (u >= 0 && u < y.length && !censored[u]) {
            sum += y[u]
            count++
          }
        }
      }
    }
    const estimate = count ? sum / count : allCount ? allSum / allCount : y[t]
    values[t] = Math.max(y[t], estimate)
  }
  return { values, censored }
}
