/**
 * Speed: the weekly re-selection and the nightly refit of a 10,000-variant catalogue on two
 * worker threads (this machine has two cores), and one order's incremental update.
 */
import path from "node:path"
import { Worker } from "node:worker_threads"
import { forecastSeries, shippedConfig, toVariantState, updateForecast, type ForecastConfig } from "../../../plugin/src/lib/forecast"
import { syntheticSeries } from "./synthetic"

/** 10,000 variants of two years of days, the plugin's horizon; the median of `runs` timings */
export const SPEED = { series: 10_000, length: 730, runs: 3 }

/** the plugin's configuration for a two-year daily series (its yearly season included) */
export const SPEED_CONFIG: ForecastConfig = shippedConfig({ horizon: 28, season: 7, periodsPerYear: 365, length: SPEED.length })

type Reply = { ms: number; chosen: Record<string, number>; ready?: boolean }

function startWorkers(count: number, length: number, threads: number): Promise<Worker[]> {
  const per = Math.ceil(count / threads)
  return Promise.all(
    Array.from({ length: threads }, (_, w) => {
      // the bench runs from TypeScript source, so the worker registers tsx before loading its
      // entry (the plugin's worker threads will run the built .js instead)
      const boot = `require(${JSON.stringify(require.resolve("tsx/cjs/api"))}).register(); require(${JSON.stringify(path.join(__dirname, "speed-worker.ts"))})`
      const worker = new Worker(boot, {
        eval: true,
        workerData: { from: w * per, to: Math.min(count, (w + 1) * per), count, length, config: SPEED_CONFIG },
      })
      return new Promise<Worker>((resolve, reject) => {
        worker.once("message", () => resolve(worker))
        worker.once("error", reject)
      })
    })
  )
}

function ask(workers: Worker[], msg: "select" | "refit"): Promise<{ seconds: number; chosen: Record<string, number> }> {
  const t0 = performance.now()
  return Promise.all(workers.map((w) => new Promise<Reply>((resolve) => { w.once("message", resolve); w.postMessage(msg) }))).then((replies) => {
    const chosen: Record<string, number> = {}
    for (const r of replies) for (const [k, v] of Object.entries(r.chosen)) chosen[k] = (chosen[k] ?? 0) + v
    return { seconds: (performance.now() - t0) / 1000, chosen }
  })
}

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]

export async function speedBench(count: number, length: number, runs: number, log: (s: string) => void) {
  const workers = await startWorkers(count, length, 2)
  try {
    // absolute times on a shared 2-core machine are noisy: the median of several runs
    const selects: number[] = []
    const select = await ask(workers, "select")
    selects.push(select.seconds)
    for (let r = 1; r < runs; r++) selects.push((await ask(workers, "select")).seconds)
    log(`  weekly re-selection of ${count} series x ${length} days: ${selects.map((s) => s.toFixed(1)).join(", ")} s (median ${median(selects).toFixed(1)})`)
    const refits: number[] = []
    for (let r = 0; r < runs; r++) refits.push((await ask(workers, "refit")).seconds)
    log(`  nightly refit with the chosen models: ${refits.map((s) => s.toFixed(1)).join(", ")} s (median ${median(refits).toFixed(1)})`)
    // one order's update: fold a day into a variant's stored state, timed over many variants
    const times: number[] = []
    for (let i = 0; i < 60; i++) {
      const idx = Math.floor((i * count) / 60)
      let s = toVariantState(forecastSeries(syntheticSeries(idx, count, length).values, SPEED_CONFIG))
      for (let k = 0; k < 200; k++) {
        const t0 = performance.now()
        s = updateForecast(s, k % 5)
        times.push(performance.now() - t0)
      }
    }
    times.sort((a, b) => a - b)
    const updateMs = times[Math.floor(times.length / 2)]
    log(`  incremental update: median ${(updateMs * 1000).toFixed(1)} us, p99 ${(times[Math.floor(times.length * 0.99)] * 1000).toFixed(1)} us`)
    return { reselectSeconds: median(selects), refitSeconds: median(refits), updateMs, chosen: select.chosen }
  } finally {
    for (const w of workers) await w.terminate()
  }
}
