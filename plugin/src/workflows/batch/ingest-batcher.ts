import type { MedusaContainer } from "@medusajs/framework/types"
import { ingestOrdersWorkflow } from "../ingest-orders"
import type { OrderPointers } from "../steps/resolve-order-ids"

type Pending = { pointers: Required<OrderPointers>; waiters: Array<{ resolve: () => void; reject: (e: unknown) => void }> }

const MAX_BATCH = 500

/**
 * Folds the order events that arrive while an ingest runs into the next one: a lone
 * event is ingested at once, a burst costs one Query and one transaction per batch
 * instead of one per event (the local event bus hands events to subscribers
 * concurrently, and hundreds of parallel workflows only queue on the database).
 */
class IngestBatcher {
  private pending: Pending | null = null
  private running = false

  private container: MedusaContainer | null = null

  add(container: MedusaContainer, pointers: OrderPointers): Promise<void> {
    // Subscribers may get a scoped container per event; any of them resolves the same app.
    this.container = container
    this.pending ??= { pointers: { order_ids: [], fulfillment_ids: [], payment_ids: [] }, waiters: [] }
    const batch = this.pending
    batch.pointers.order_ids.push(...(pointers.order_ids ?? []))
    batch.pointers.fulfillment_ids.push(...(pointers.fulfillment_ids ?? []))
    batch.pointers.payment_ids.push(...(pointers.payment_ids ?? []))
    const done = new Promise<void>((resolve, reject) => batch.waiters.push({ resolve, reject }))
    this.drain()
    return done
  }

  private drain() {
    if (this.running || !this.pending) return
    const batch = this.pending
    this.pending = null
    this.running = true
    this.run(batch)
      .then(() => batch.waiters.forEach((waiter) => waiter.resolve()))
      .catch((error) => batch.waiters.forEach((waiter) => waiter.reject(error)))
      .finally(() => {
        this.running = false
        this.drain()
      })
  }

  private async run(batch: Pending) {
    const unique = (ids: string[]) => [...new Set(ids)]
    const orderIds = unique(batch.pointers.order_ids)
    for (let start = 0; start < Math.max(orderIds.length, 1); start += MAX_BATCH) {
      await ingestOrdersWorkflow(this.container!).run({
        input: {
          order_ids: orderIds.slice(start, start + MAX_BATCH),
          // Fulfilments and payments are few per burst: they ride with the first slice.
          fulfillment_ids: start === 0 ? unique(batch.pointers.fulfillment_ids) : [],
          payment_ids: start === 0 ? unique(batch.pointers.payment_ids) : [],
        },
      })
    }
  }
}

/** One per process: batching across all the process's events is the point. */
const batcher = new IngestBatcher()

/** Ingests the orders these pointers name, batched with whatever else is arriving. */
export function ingestSoon(container: MedusaContainer, pointers: OrderPointers): Promise<void> {
  return batcher.add(container, pointers)
}
