import { existsSync } from "node:fs"
import path from "node:path"
import { Worker } from "node:worker_threads"
import { fitVariant, type FitTask, type FittedForecast } from "../../../lib/demand-forecast"
import type { FitReply, FitRequest } from "./fit-worker"

export type FitOutcome = { fitted: FittedForecast[]; failed: Array<{ key: string; error: string }> }

/**
 * Worker threads for a run of fits, closed when the run ends: a weekly or nightly run has no use
 * for idle threads the rest of the day. Batches go to whichever thread is free.
 */
export class FitPool {
  private readonly workers: Worker[] = []
  private readonly idle: Worker[] = []
  private readonly waiting: Array<(worker: Worker) => void> = []
  private nextId = 0
  /** true when running from TypeScript source (unit tests): fits run inline, there is no `.js` to start */
  readonly inline: boolean

  constructor(threads: number, private readonly entry = path.join(__dirname, "fit-worker.js")) {
    this.inline = !existsSync(entry) && __filename.endsWith(".ts")
    if (this.inline) return
    for (let i = 0; i < Math.max(1, threads); i++) this.idle.push(this.spawn())
  }

  async fit(tasks: FitTask[]): Promise<FitOutcome> {
    if (this.inline) return inlineFit(tasks)
    const worker = await this.acquire()
    let reply: FitReply
    try {
      reply = await this.ask(worker, { id: this.nextId++, tasks })
    } catch (error) {
      // a thread that died (out of memory, a crash in a model) is replaced, not handed out again
      void worker.terminate()
      this.workers.splice(this.workers.indexOf(worker), 1)
      this.release(this.spawn())
      throw error
    }
    this.release(worker)
    return {
      fitted: reply.results.flatMap((r) => (r.ok ? [r.value] : [])),
      failed: reply.results.flatMap((r) => (r.ok ? [] : [{ key: r.key, error: r.error }])),
    }
  }

  private spawn(): Worker {
    const worker = new Worker(this.entry)
    // an idle pool must not keep a one-shot command (medusa exec) alive
    worker.unref()
    this.workers.push(worker)
    return worker
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()))
    this.workers.length = 0
  }

  private ask(worker: Worker, request: FitRequest): Promise<FitReply> {
    return new Promise((resolve, reject) => {
      const cleanup = () => {
        worker.off("message", onMessage)
        worker.off("error", onError)
        worker.off("exit", onExit)
        worker.unref()
      }
      const onMessage = (reply: FitReply) => {
        if (reply.id !== request.id) return
        cleanup()
        resolve(reply)
      }
      const onError = (error: Error) => {
        cleanup()
        reject(error)
      }
      const onExit = (code: number) => {
        cleanup()
        reject(new Error(`forecast worker exited with code ${code}`))
      }
      worker.on("message", onMessage)
      worker.on("error", onError)
      worker.on("exit", onExit)
      // referenced while it works, so the run's awaiter is not abandoned by the event loop
      worker.ref()
      worker.postMessage(request)
    })
  }

  private acquire(): Promise<Worker> {
    const worker = this.idle.pop()
    if (worker) return Promise.resolve(worker)
    return new Promise((resolve) => this.waiting.push(resolve))
  }

  private release(worker: Worker) {
    const next = this.waiting.shift()
    if (next) next(worker)
    else this.idle.push(worker)
  }
}

function inlineFit(tasks: FitTask[]): FitOutcome {
  const out: FitOutcome = { fitted: [], failed: [] }
  for (const task of tasks) {
    try {
      out.fitted.push(fitVariant(task))
    } catch (error) {
      out.failed.push({ key: `${task.series.variant_id}|${task.series.location_id}`, error: String(error) })
    }
  }
  return out
}
