/** Exploration (validation only: the last 18 months of train): two M3 configurations, series by series. */
import { forecastSeries, smape, type ForecastConfig } from "../../../plugin/src/lib/forecast"
import { holdOut, m3Monthly } from "../forecast/data"
import { FROZEN } from "../forecast/frozen"

const a: Partial<ForecastConfig> = JSON.parse(process.argv[2] ?? "{}")
const b: Partial<ForecastConfig> = JSON.parse(process.argv[3] ?? "{}")
const d: number[] = []
let sa = 0, sb = 0
for (const s of m3Monthly()) {
  const { train, test } = holdOut(s.train, 18) // s.test is never read
  const x = smape(test, forecastSeries(train, { ...FROZEN.m3, ...a }).mean)
  const y = smape(test, forecastSeries(train, { ...FROZEN.m3, ...b }).mean)
  sa += x; sb += y; d.push(y - x)
}
const n = d.length
const mu = d.reduce((s, v) => s + v, 0) / n
const se = Math.sqrt(d.reduce((s, v) => s + (v - mu) ** 2, 0) / (n - 1) / n)
console.log(`A ${(sa / n).toFixed(4)}  B ${(sb / n).toFixed(4)}  B-A ${mu.toFixed(4)} (${(mu / se).toFixed(2)} SE)  B better ${d.filter((v) => v < -1e-9).length}, worse ${d.filter((v) => v > 1e-9).length}`)
