import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ingestSoon } from "../workflows/batch/ingest-orders-soon"

/** Captures and refunds name the payment; the workflow finds its order. */
export default async function paymentEventsHandler({ event: { data }, container }: SubscriberArgs<{ id?: string }>) {
  if (!data.id) {
    return
  }
  await ingestSoon(container, { payment_ids: [data.id] })
}

export const config: SubscriberConfig = {
  event: ["payment.captured", "payment.refunded"],
  context: { subscriberId: "order-rhythm-payment-events" },
}
