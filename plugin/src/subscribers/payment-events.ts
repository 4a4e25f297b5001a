import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ingestOrdersWorkflow } from "../workflows/ingest-orders"

/** Captures and refunds name the payment; the workflow finds its order. */
export default async function paymentEventsHandler({ event: { data }, container }: SubscriberArgs<{ id?: string }>) {
  if (!data.id) {
    return
  }
  await ingestOrdersWorkflow(container).run({ input: { payment_ids: [data.id] } })
}

export const config: SubscriberConfig = {
  event: ["payment.captured", "payment.refunded"],
  context: { subscriberId: "order-rhythm-payment-events" },
}
