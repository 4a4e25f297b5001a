import type { MedusaContainer } from "@medusajs/framework/types"

/** What events point at: lists of ids under fixed names (order_ids, level_ids, ...). */
export type PointerLists<K extends string> = Record<K, string[]>

type Pending<K extends string> = { pointers: PointerLists<K>; waiters: Array<{ resolve: () => void; reject: (e: unknown) => void }> }

/**
 * Folds the events that arrive while an ingest runs into the next one: a lone event is
 * ingested at once, a burst costs one Query and one transaction per batch instead of one per
 * event. The local event bus hands events to subscribers concurrently, and hundreds of parallel
 * workflows only queue on the database: a checkout emits an order event and an inventory event
 * per line, and each of those transactions takes the aggregates' locks in turn.
 * Each event's subscriber waits for the batch that carries it, so a failure still reaches it.
 *
 * With `gatherMs`, a lone event waits that long for the ones that come with it: a checkout's
 * stock events (a reservation per line, then the levels) then cost one ingest, not two or three.
 * For stock, which no screen shows within the second, that is cheaper at no cost to anyone.
 */
export class Batcher<K extends string> {
  private pending: Pending<K> | null = null
  private running = false
  private container: MedusaContainer | null = null
  private gathering: ReturnType<typeof setTimeout> | null = null

  constructor(
    private readonly keys: readonly K[],
    /** ingests one batch; each list holds every id once */
    private readonly run: (container: MedusaContainer, pointers: PointerLists<K>) => Promise<unknown>,
    private readonly options: { gatherMs?: number } = {}
  ) {}

  add(container: MedusaContainer, pointers: Partial<PointerLists<K>>): Promise<void> {
    // Subscribers may get a scoped container per event; any of them resolves the same app.
    this.container = container
    this.pending ??= { pointers: Object.fromEntries(this.keys.map((key) => [key, []])) as unknown as PointerLists<K>, waiters: [] }
    const batch = this.pending
    for (const key of this.keys) batch.pointers[key].push(...(pointers[key] ?? []))
    const done = new Promise<void>((resolve, reject) => batch.waiters.push({ resolve, reject }))
    if (!this.options.gatherMs) this.drain()
    else if (!this.running && !this.gathering) {
      this.gathering = setTimeout(() => {
        this.gathering = null
        this.drain()
      }, this.options.gatherMs)
    }
    return done
  }

  private drain() {
    if (this.running || !this.pending) return
    const batch = this.pending
    this.pending = null
    this.running = true
    const unique = Object.fromEntries(this.keys.map((key) => [key, [...new Set(batch.pointers[key])]])) as unknown as PointerLists<K>
    this.run(this.container!, unique)
      .then(() => batch.waiters.forEach((waiter) => waiter.resolve()))
      .catch((error) => batch.waiters.forEach((waiter) => waiter.reject(error)))
      .finally(() => {
        this.running = false
        // What came during the run has waited already: it goes at once.
        this.drain()
      })
  }
}
