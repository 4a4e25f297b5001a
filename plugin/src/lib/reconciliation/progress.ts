/**
 * How far a reconciliation run has come, as it saves it after every batch (in the plugin's state
 * table, so the process serving Medusa Admin sees the worker's run too), and what an operator is
 * told of it: a backfill's progress on install, and when the last repair ran.
 */
export type ReconcileProgress = {
  /** "orders" or "stock levels". */
  what: string
  running: boolean
  processed: number
  /** What was left to check when it started (records changed since the last run's cursor). */
  total: number
  started_at: string
  /** When it last saved: after each batch, and at its end. */
  updated_at: string
  finished_at: string | null
  error: string | null
}

/**
 * running: saved within STALE_AFTER_MS; interrupted: still marked running but silent longer than
 * that (its process stopped: the next run resumes from the saved cursor); failed; finished.
 */
export type ReconcileState = "never" | "running" | "interrupted" | "failed" | "finished"

export type ReconcileReport = {
  state: ReconcileState
  processed: number
  total: number
  /** processed / total, 1 when there was nothing to check. */
  share: number
  /** Records per second from its start to its last save. */
  per_second: number | null
  /** At that pace, seconds until it is done (while running). */
  eta_seconds: number | null
  started_at: string | null
  updated_at: string | null
  finished_at: string | null
  error: string | null
}

/** A batch takes seconds, even while the store trades and the run rests: minutes of silence is a stopped process. */
export const STALE_AFTER_MS = 5 * 60_000

export function describeReconciliation(progress: ReconcileProgress | null, nowMs: number): ReconcileReport {
  if (!progress) {
    return { state: "never", processed: 0, total: 0, share: 0, per_second: null, eta_seconds: null, started_at: null, updated_at: null, finished_at: null, error: null }
  }
  const seconds = (Date.parse(progress.updated_at) - Date.parse(progress.started_at)) / 1000
  const perSecond = seconds > 0 && progress.processed > 0 ? progress.processed / seconds : null
  const silentMs = nowMs - Date.parse(progress.updated_at)
  const state: ReconcileState = progress.error ? "failed" : progress.running ? (silentMs > STALE_AFTER_MS ? "interrupted" : "running") : "finished"
  const left = Math.max(0, progress.total - progress.processed)
  return {
    state,
    processed: progress.processed,
    total: progress.total,
    share: progress.total > 0 ? Math.min(1, progress.processed / progress.total) : 1,
    per_second: perSecond === null ? null : Math.round(perSecond * 10) / 10,
    eta_seconds: state === "running" && perSecond ? Math.ceil(left / perSecond) : null,
    started_at: progress.started_at,
    updated_at: progress.updated_at,
    finished_at: progress.finished_at,
    error: progress.error,
  }
}

/** Where each reconciliation saves how far it has come (the plugin's state table). */
export const RECONCILE_PROGRESS_KEYS = { orders: "reconcile_progress", stockLevels: "reconcile_inventory_progress" } as const

/** Where a reconciliation stands in Medusa's records: the last one taken in, in (updated_at, id) order. */
export type ReconcileCursor = { updated_at: string; id: string }
