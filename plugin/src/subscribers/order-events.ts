import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ingestOrdersWorkflow } from "../workflows/ingest-orders"

type OrderEvent = { id?: string; order_id?: string }

/** Thin: the event only says which order to look at; the workflow does the rest. */
export default async function orderEventsHandler({
  event: { data },
  container,
}: SubscriberArgs<OrderEvent>) {
  const orderId = data.order_id ?? data.id
  if (!orderId) {
    return
  }
  await ingestOrdersWorkflow(container).run({ input: { order_ids: [orderId] } })
}

export const config: SubscriberConfig = {
  event: ["order.placed", "order.updated", "order.canceled", "order.completed"],
  context: { subscriberId: "order-rhythm-order-events" },
}
