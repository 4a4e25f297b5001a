import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ingestInventorySoon } from "../workflows/batch/ingest-inventory-soon"

type InventoryEvent = { id?: string; inventory_item_id?: string }

/** Stock changed somewhere: the workflow reloads the item's levels from Medusa (batched with the events arriving meanwhile). */
export default async function inventoryEventsHandler({ event, container }: SubscriberArgs<InventoryEvent | InventoryEvent[]>) {
  const records = [event.data].flat().filter(Boolean) as InventoryEvent[]
  const ids = records.map((record) => record.id).filter((id): id is string => Boolean(id))
  const itemIds = records.map((record) => record.inventory_item_id).filter((id): id is string => Boolean(id))
  const name = event.name ?? ""
  const input = name.startsWith("inventory-level.")
    ? { level_ids: ids, inventory_item_ids: itemIds }
    : name.startsWith("reservation-item.")
      ? { reservation_ids: ids, inventory_item_ids: itemIds }
      : { inventory_item_ids: [...ids, ...itemIds] }
  await ingestInventorySoon(container, input)
}

export const config: SubscriberConfig = {
  event: [
    "inventory-level.created",
    "inventory-level.updated",
    "inventory-level.deleted",
    "reservation-item.created",
    "reservation-item.updated",
    "reservation-item.deleted",
    "inventory-item.created",
    "inventory-item.updated",
  ],
  context: { subscriberId: "order-rhythm-inventory-events" },
}
