/**
 * One worker thread of the speed test, as the plugin's nightly job will run them: it makes its
 * share of the synthetic catalogue, then on request selects (weekly job) or refits with the chosen
 * models (nightly job), and reports how long that took and what it chose.
 */
import { parentPort, workerData } from "node:worker_threads"
import { forecastSeries, refitSelected, type ForecastConfig } from "../../../plugin/src/lib/forecast"
import { syntheticSeries } from "./synthetic"

type Job = { from: number; to: number; count: number; length: number; config: ForecastConfig }
const job = workerData as Job
const series: number[][] = []
for (let i = job.from; i < job.to; i++) series.push(syntheticSeries(i, job.count, job.length).values)
let selections: { model: string; members: string[] }[] = []

parentPort!.on("message", (msg: "select" | "refit" | "stop") => {
  if (msg === "stop") return process.exit(0)
  const t0 = performance.now()
  const chosen: Record<string, number> = {}
  if (msg === "select") {
    selections = series.map((y) => {
      const f = forecastSeries(y, job.config)
      const key = f.model === "combination" ? `combination(${f.members.join("+")})` : f.model
      chosen[key] = (chosen[key] ?? 0) + 1
      return { model: f.model, members: f.members }
    })
  } else {
    series.forEach((y, i) => refitSelected(y, selections[i], job.config))
  }
  parentPort!.postMessage({ ms: performance.now() - t0, chosen })
})
parentPort!.postMessage({ ready: true })
