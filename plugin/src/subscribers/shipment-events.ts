import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ingestSoon } from "../workflows/batch/ingest-orders-soon"

/** Shipments and deliveries name the fulfilment; the workflow finds its order. */
export default async function shipmentEventsHandler({ event: { data }, container }: SubscriberArgs<{ id?: string }>) {
  if (!data.id) {
    return
  }
  await ingestSoon(container, { fulfillment_ids: [data.id] })
}

export const config: SubscriberConfig = {
  event: ["shipment.created", "delivery.created"],
  context: { subscriberId: "order-rhythm-shipment-events" },
}
