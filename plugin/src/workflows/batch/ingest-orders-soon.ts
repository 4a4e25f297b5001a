import type { MedusaContainer } from "@medusajs/framework/types"
import { ingestOrdersWorkflow } from "../ingest-orders"
import type { OrderPointers } from "../steps/resolve-order-ids"
import { Batcher, unique } from "./batcher"

const MAX_BATCH = 500

/** One per process: batching across all the process's events is the point. */
const orders = new Batcher<Required<OrderPointers>>(
  () => ({ order_ids: [], fulfillment_ids: [], payment_ids: [] }),
  (into, more) => {
    into.order_ids.push(...more.order_ids)
    into.fulfillment_ids.push(...more.fulfillment_ids)
    into.payment_ids.push(...more.payment_ids)
  },
  async (container, pointers) => {
    const orderIds = unique(pointers.order_ids)
    for (let start = 0; start < Math.max(orderIds.length, 1); start += MAX_BATCH) {
      await ingestOrdersWorkflow(container).run({
        input: {
          order_ids: orderIds.slice(start, start + MAX_BATCH),
          // Fulfilments and payments are few per burst: they ride with the first slice.
          fulfillment_ids: start === 0 ? unique(pointers.fulfillment_ids) : [],
          payment_ids: start === 0 ? unique(pointers.payment_ids) : [],
        },
      })
    }
  }
)

/** Ingests the orders these pointers name, batched with whatever else is arriving. */
export function ingestSoon(container: MedusaContainer, pointers: OrderPointers): Promise<void> {
  return orders.add(container, { order_ids: pointers.order_ids ?? [], fulfillment_ids: pointers.fulfillment_ids ?? [], payment_ids: pointers.payment_ids ?? [] })
}
