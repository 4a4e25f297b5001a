/**
 * Exploration (validation only: the last 18 months of train): each model's own validation forecasts
 * (and the frozen configuration's), written to a JSON file for offline combination trials.
 * npx tsx bench/forecast-explore/m3-cache.ts out.json model1 model2 ...
 * M3_EARLIER=18: a second, earlier window (18 more months cut off; series with 30 or more left).
 */
import { writeFileSync } from "node:fs"
import { forecastSeries } from "../../../plugin/src/lib/forecast"
import { holdOut, m3Monthly } from "../forecast/data"
import { FROZEN } from "../forecast/frozen"

const [out, ...models] = process.argv.slice(2)
const earlier = Number(process.env.M3_EARLIER ?? 0)
const series = m3Monthly()
  .filter((s) => s.train.length - earlier - 18 >= 30)
  .map((s) => ({ id: s.id, type: s.type, ...holdOut(s.train.slice(0, s.train.length - earlier), 18) })) // s.test is never read
const fc: Record<string, number[][]> = { frozen: series.map(({ train }) => forecastSeries(train, FROZEN.m3).mean) }
for (const m of models) fc[m] = series.map(({ train }) => forecastSeries(train, { ...FROZEN.m3, candidates: [m], core: [m] }).mean)
writeFileSync(out, JSON.stringify({ ids: series.map((s) => s.id), types: series.map((s) => s.type), train: series.map((s) => s.train), test: series.map((s) => s.test), fc }))
