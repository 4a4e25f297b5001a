/**
 * Worker-thread entry for the forecast fits: a batch of series in, their fitted forecasts out.
 * Runs as the built `.js` next to this file (`.medusa/server`); the fits are pure CPU and would
 * otherwise stall every request and live push of the process for minutes.
 */
import { parentPort } from "node:worker_threads"
import { fitVariant, type FitTask } from "../../../lib/demand-forecast"

export type FitRequest = { id: number; tasks: FitTask[] }
export type FitReply = { id: number; results: Array<{ ok: true; value: ReturnType<typeof fitVariant> } | { ok: false; key: string; error: string }> }

parentPort?.on("message", (request: FitRequest) => {
  const results = request.tasks.map((task) => {
    try {
      return { ok: true as const, value: fitVariant(task) }
    } catch (error) {
      // one bad series must not cost the whole catalogue its forecasts
      return { ok: false as const, key: `${task.series.variant_id}|${task.series.location_id}`, error: String((error as Error)?.stack ?? error) }
    }
  })
  parentPort!.postMessage({ id: request.id, results } satisfies FitReply)
})
