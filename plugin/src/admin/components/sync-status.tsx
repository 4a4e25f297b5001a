import { Badge, Button, Container, Heading, Text } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import { api } from "../lib/admin-api"
import type { ReconcileReport } from "../../lib/reconciliation"
import { adminLocale, formatCount, formatStoreDateTime } from "../lib/store-time"

type Status = {
  /** The server's time of the answer: reconciliations are stamped by its clock. */
  at: string
  orders: { in_medusa: number; in_facts: number }
  reconciliation: { orders: ReconcileReport; stock_levels: ReconcileReport }
  forecasts: { series: number; last_fitted_at: string | null; last_selected_at: string | null }
  /** the store's zone: every time below is read on its clock */
  timezone: string
}

const count = (n: number) => formatCount(n)
/** An instant on the store's clock, in the admin's language. */
type When = (instant: string) => string

/** One reconciliation in a sentence an operator can act on. */
const reconcileSentence = (run: ReconcileReport, what: string, when: When): string => {
  switch (run.state) {
    case "never":
      return `${what}: not checked yet (the first check starts within 5 minutes of Medusa's start).`
    case "running":
      return (
        `${what}: ${count(run.processed)} of ${count(run.total)} (${Math.floor(run.share * 100)}%)` +
        (run.per_second ? `, ${count(Math.round(run.per_second))} a second` : "") +
        (run.eta_seconds !== null ? `, about ${run.eta_seconds < 90 ? `${run.eta_seconds} s` : `${Math.ceil(run.eta_seconds / 60)} min`} left.` : ".")
      )
    case "interrupted":
      return `${what}: stopped at ${count(run.processed)} of ${count(run.total)} when its process did; the next check (every 5 minutes) resumes there.`
    case "failed":
      return `${what}: the last check failed at ${count(run.processed)} of ${count(run.total)}: ${run.error}. The next one resumes where it stopped.`
    case "finished":
      return `${what}: last checked ${when(run.finished_at!)}, ${count(run.processed)} checked again (changed since the check before).`
  }
}

const forecastSentence = ({ series, last_fitted_at, last_selected_at }: Status["forecasts"], when: When): string =>
  series === 0
    ? "Forecasts: none yet (the hourly job makes them once a variant has a closed day of sales; POST /admin/order-rhythm/forecasts/recompute makes them now)."
    : `Forecasts: ${count(series)} variant-location series, last refitted ${when(last_fitted_at!)}, models last chosen ${when(last_selected_at!)}.`

/**
 * Whether Order Rhythm has taken in everything the store holds: after an install, the history's
 * backfill as it goes; later, the checks that bring in what events missed.
 */
export const SyncStatusSection = () => {
  const [status, setStatus] = useState<Status | null>(null)
  const [error, setError] = useState<string | null>(null)
  /**
   * When "Check for missed orders now" was pressed (by the server's clock and this browser's),
   * until a reconciliation that began after it has ended, or a minute has passed with none
   * running (it joined one that was already under way elsewhere).
   */
  const [asked, setAsked] = useState<{ server: number; here: number } | null>(null)

  const load = useCallback(async () => {
    const now = (await api<{ status: Status }>("/admin/order-rhythm/status")).status
    setStatus(now)
    const runs = [now.reconciliation.orders, now.reconciliation.stock_levels]
    const idle = runs.every((run) => run.state !== "running")
    const ranSince = (at: number) => runs.every((run) => run.started_at && Date.parse(run.started_at) >= at)
    setAsked((at) => (at && idle && (ranSince(at.server) || Date.now() - at.here > 60_000) ? null : at))
  }, [])

  const running = status?.reconciliation.orders.state === "running" || status?.reconciliation.stock_levels.state === "running"
  useEffect(() => {
    load().catch((e) => setError(e.message))
    // Followed closely while a reconciliation runs or one was asked for, now and then otherwise.
    const timer = setInterval(() => load().catch((e) => setError(e.message)), running || asked !== null ? 2_000 : 30_000)
    return () => clearInterval(timer)
  }, [load, running, asked])

  const reconcileNow = async () => {
    setError(null)
    try {
      // Reconciliations are stamped by the server's clock, so "after the click" is read off it too.
      setAsked({ server: Date.parse((await api<{ status: Status }>("/admin/order-rhythm/status")).status.at), here: Date.now() })
      await api("/admin/order-rhythm/reconcile", { method: "POST", body: JSON.stringify({ wait: false }) })
      await load()
    } catch (e) {
      setAsked(null)
      setError((e as Error).message)
    }
  }

  const behind = status ? status.orders.in_medusa - status.orders.in_facts : 0
  const locale = adminLocale()
  const when: When = (instant) => (status ? formatStoreDateTime(instant, status.timezone, locale) : instant)
  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">In step with the store</Heading>
          <Text className="text-ui-fg-subtle">
            Every order reaches Order Rhythm through its events; a check every 5 minutes brings in what they missed, and the
            first one takes in the store's history.
          </Text>
        </div>
        <Button variant="secondary" className="shrink-0" onClick={reconcileNow} disabled={running || asked !== null}>
          Check for missed orders now
        </Button>
      </div>
      {status && (
        <div className="flex flex-col gap-y-2 px-6 py-4">
          <div className="flex items-center gap-x-2">
            <Text>
              Orders: {count(status.orders.in_facts)} of {count(status.orders.in_medusa)} taken in
            </Text>
            {behind === 0 ? <Badge color="green">in step</Badge> : <Badge color="orange">{count(Math.abs(behind))} {behind > 0 ? "to take in" : "more than Medusa holds"}</Badge>}
          </div>
          <Text className="text-ui-fg-subtle" data-testid="sync-orders">{reconcileSentence(status.reconciliation.orders, "Orders", when)}</Text>
          <Text className="text-ui-fg-subtle">{reconcileSentence(status.reconciliation.stock_levels, "Stock levels", when)}</Text>
          <Text className="text-ui-fg-subtle">{forecastSentence(status.forecasts, when)}</Text>
        </div>
      )}
      {error && (
        <div className="px-6 py-2">
          <Text className="text-ui-fg-error">{error}</Text>
        </div>
      )}
    </Container>
  )
}
