import type { MedusaContainer } from "@medusajs/framework/types"
import { ingestOrdersWorkflow } from "../ingest-orders"
import type { OrderPointers } from "../steps/resolve-order-ids"
import { Batcher } from "./batcher"

const MAX_BATCH = 500

/** One per process: batching across all the process's events is the point. */
const orders = new Batcher(["order_ids", "fulfillment_ids", "payment_ids"] as const, async (container, pointers) => {
  for (let start = 0; start < Math.max(pointers.order_ids.length, 1); start += MAX_BATCH) {
    await ingestOrdersWorkflow(container).run({
      input: {
        order_ids: pointers.order_ids.slice(start, start + MAX_BATCH),
        // Fulfilments and payments are few per burst: they ride with the first slice.
        fulfillment_ids: start === 0 ? pointers.fulfillment_ids : [],
        payment_ids: start === 0 ? pointers.payment_ids : [],
      },
    })
  }
})

let lastEventAt = -Infinity

/** Ingests the orders these pointers name, batched with whatever else is arriving. */
export function ingestSoon(container: MedusaContainer, pointers: OrderPointers): Promise<void> {
  lastEventAt = Date.now()
  return orders.add(container, pointers)
}

/** Whether this process has had an order event within the last `ms`: the store is trading. */
export function tradingWithin(ms: number): boolean {
  return Date.now() - lastEventAt < ms
}
