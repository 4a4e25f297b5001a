import type { MedusaContainer } from "@medusajs/framework/types"

type Pending<P> = { pointers: P; waiters: Array<{ resolve: () => void; reject: (e: unknown) => void }> }

/**
 * Folds the events that arrive while an ingest runs into the next one: a lone event is
 * ingested at once, a burst costs one Query and one transaction per batch instead of one per
 * event. The local event bus hands events to subscribers concurrently, and hundreds of parallel
 * workflows only queue on the database: a checkout emits an order event and an inventory event
 * per line, and each of those transactions takes the aggregates' locks in turn.
 * Each event's subscriber waits for the batch that carries it, so a failure still reaches it.
 */
export class Batcher<P> {
  private pending: Pending<P> | null = null
  private running = false
  private container: MedusaContainer | null = null

  constructor(
    private readonly empty: () => P,
    /** adds `more` into `into` */
    private readonly merge: (into: P, more: P) => void,
    private readonly run: (container: MedusaContainer, pointers: P) => Promise<void>
  ) {}

  add(container: MedusaContainer, pointers: P): Promise<void> {
    // Subscribers may get a scoped container per event; any of them resolves the same app.
    this.container = container
    this.pending ??= { pointers: this.empty(), waiters: [] }
    const batch = this.pending
    this.merge(batch.pointers, pointers)
    const done = new Promise<void>((resolve, reject) => batch.waiters.push({ resolve, reject }))
    this.drain()
    return done
  }

  private drain() {
    if (this.running || !this.pending) return
    const batch = this.pending
    this.pending = null
    this.running = true
    this.run(this.container!, batch.pointers)
      .then(() => batch.waiters.forEach((waiter) => waiter.resolve()))
      .catch((error) => batch.waiters.forEach((waiter) => waiter.reject(error)))
      .finally(() => {
        this.running = false
        this.drain()
      })
  }
}

export const unique = (ids: string[]) => [...new Set(ids)]
