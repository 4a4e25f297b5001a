import { describe, expect, it } from "vitest"
import { QUANTILE_LEVELS } from "./demand-quantiles"
import { forecastMany } from "./forecast-series"
import { shippedConfig } from "./shipped-config"
import { seededRandom } from "../../test-support/seeded-random"

/**
 * The demand quantiles hold what they promise: on simulated daily series (400 each of Poisson,
 * negative binomial, and normal noise around a trend, fixed seed), the share of next days, and of
 * next-7-day totals, at or below the 95% quantile is within three binomial standard errors of 95%.
 */

const gauss = (r: () => number) => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r())
function poisson(r: () => number, mu: number): number {
  const l = Math.exp(-mu)
  let k = 0
  let p = r()
  while (p > l) {
    k++
    p *= r()
  }
  return k
}
/** Marsaglia-Tsang, shape >= 1 */
function gamma(r: () => number, shape: number): number {
  const d = shape - 1 / 3
  const c = 1 / Math.sqrt(9 * d)
  for (;;) {
    const x = gauss(r)
    const v = (1 + c * x) ** 3
    if (v > 0 && Math.log(1 - r()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v
  }
}
const negativeBinomial = (r: () => number, mu: number, size: number) => poisson(r, (mu * gamma(r, size)) / size)

const HISTORY = 182
const H = 7
const SERIES = 400
const i95 = QUANTILE_LEVELS.indexOf(0.95)

function check(name: string, draw: (r: () => number, i: number, t: number) => number, seed: number) {
  it(`${name}: 95% quantiles of single days and of 7-day totals`, () => {
    const r = seededRandom(seed)
    const series = Array.from({ length: SERIES }, (_, i) => Array.from({ length: HISTORY + H }, (_, t) => draw(r, i, t)))
    const config = shippedConfig({ horizon: H, season: 7, periodsPerYear: 365, length: HISTORY })
    const forecasts = forecastMany(series.map((y) => ({ values: y.slice(0, HISTORY), config })))
    let dayPairs = 0
    let dayBelow = 0
    let totalBelow = 0
    forecasts.forEach((f, i) => {
      const future = series[i].slice(HISTORY)
      future.forEach((a, h) => {
        dayPairs++
        if (a <= f.demand.daily[h][i95]) dayBelow++
      })
      if (future.reduce((s, v) => s + v, 0) <= f.demand.cumulative[H - 1][i95]) totalBelow++
    })
    // the days of one series share its forecast, so count one independent day per series
    const se = Math.sqrt((0.95 * 0.05) / SERIES)
    expect(Math.abs(dayBelow / dayPairs - 0.95)).toBeLessThan(3 * se)
    expect(Math.abs(totalBelow / SERIES - 0.95)).toBeLessThan(3 * se)
  })
}

describe("calibrated demand quantiles on simulated series", () => {
  check("Poisson", (r, i, t) => poisson(r, 1 + (i % 20)), 1)
  check("negative binomial", (r, i, t) => negativeBinomial(r, 1 + (i % 20), 2), 2)
  check("normal with trend", (r, i, t) => Math.max(0, 100 + ((i % 9) - 3) * 0.15 * t + 10 * gauss(r)), 3)
})
