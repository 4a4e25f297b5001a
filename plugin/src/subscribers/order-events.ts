import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ingestSoon } from "../workflows/batch/ingest-orders-soon"

type OrderEvent = { id?: string; order_id?: string }

/**
 * Thin: the event only says which order to look at; the workflow reloads it from Medusa.
 * Every event about an order goes the same way, so their order and repetition don't matter.
 */
export default async function orderEventsHandler({ event: { data }, container }: SubscriberArgs<OrderEvent>) {
  const orderId = data.order_id ?? data.id
  if (!orderId) {
    return
  }
  await ingestSoon(container, { order_ids: [orderId] })
}

export const config: SubscriberConfig = {
  event: [
    "order.placed",
    "order.updated",
    "order.canceled",
    "order.completed",
    "order.archived",
    "order.fulfillment_created",
    "order.fulfillment_canceled",
    "order.return_requested",
    "order.return_received",
    "order.claim_created",
    "order.exchange_created",
    "order-edit.confirmed",
  ],
  context: { subscriberId: "order-rhythm-order-events" },
}
