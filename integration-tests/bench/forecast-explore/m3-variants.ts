/**
 * Exploration (validation only: the last 18 months of train): several M3 configurations against
 * one baseline (the first argument), series by series, in one run.
 * npx tsx bench/forecast-explore/m3-variants.ts '<jsonBase>' '<jsonB>' '<jsonC>' ...
 * M3_EARLIER=18: a second, earlier window (18 more months cut off; series with 30 or more left).
 */
import { forecastSeries, smape, type ForecastConfig } from "../../../plugin/src/lib/forecast"
import { holdOut, m3Monthly } from "../forecast/data"
import { FROZEN } from "../forecast/frozen"

const configs: Partial<ForecastConfig>[] = process.argv.slice(2).map((a) => JSON.parse(a))
if (configs.length === 0) configs.push({})
const earlier = Number(process.env.M3_EARLIER ?? 0)
const series = m3Monthly()
  .filter((s) => s.train.length - earlier - 18 >= 30)
  .map((s) => holdOut(s.train.slice(0, s.train.length - earlier), 18)) // s.test is never read
const scores = configs.map((c) => series.map(({ train, test }) => smape(test, forecastSeries(train, { ...FROZEN.m3, ...c }).mean)))
const n = series.length
const avg = (xs: number[]) => xs.reduce((s, v) => s + v, 0) / xs.length
console.log(`base ${avg(scores[0]).toFixed(4)}  ${process.argv[2] ?? "{}"}`)
scores.slice(1).forEach((sc, i) => {
  const d = sc.map((v, j) => v - scores[0][j])
  const mu = avg(d)
  const se = Math.sqrt(d.reduce((s, v) => s + (v - mu) ** 2, 0) / (n - 1) / n)
  console.log(`${avg(sc).toFixed(4)}  d ${mu.toFixed(4)} (${(mu / se).toFixed(2)} SE) better ${d.filter((v) => v < -1e-9).length} worse ${d.filter((v) => v > 1e-9).length}  ${process.argv[i + 3]}`)
})
