/**
 * The order in which the batches of one reconciliation run may save their cursor: batch k waits
 * for batch k - 1. Runs live in one process (the loop that starts them awaits them), so the
 * turns are kept in memory; a run that stops gives up its turns, and any batch still waiting
 * fails with the reason.
 */
class BatchTurns {
  private readonly runs = new Map<string, { saved: number; waiting: Map<number, { resolve(): void; reject(error: unknown): void }> }>()

  private run(runId: string) {
    let run = this.runs.get(runId)
    if (!run) {
      run = { saved: -1, waiting: new Map() }
      this.runs.set(runId, run)
    }
    return run
  }

  /** Resolves once every batch before `batch` has saved. */
  waitForEarlier(runId: string, batch: number): Promise<void> {
    const run = this.run(runId)
    if (run.saved >= batch - 1) return Promise.resolve()
    return new Promise((resolve, reject) => run.waiting.set(batch - 1, { resolve, reject }))
  }

  done(runId: string, batch: number) {
    const run = this.run(runId)
    run.saved = Math.max(run.saved, batch)
    const next = run.waiting.get(batch)
    run.waiting.delete(batch)
    next?.resolve()
  }

  /** The run is over (finished or failed): batches still waiting fail with `error`. */
  end(runId: string, error: unknown = new Error("the reconciliation run ended")) {
    const run = this.runs.get(runId)
    this.runs.delete(runId)
    for (const waiter of run?.waiting.values() ?? []) waiter.reject(error)
  }
}

export const batchTurns = new BatchTurns()
