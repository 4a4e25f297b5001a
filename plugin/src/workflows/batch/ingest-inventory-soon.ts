import type { MedusaContainer } from "@medusajs/framework/types"
import { ingestInventoryWorkflow } from "../ingest-inventory"
import type { InventoryPointers } from "../steps/load-inventory"
import { Batcher } from "./batcher"

/** One per process, like the orders' (see Batcher). */
const inventory = new Batcher(["inventory_item_ids", "level_ids", "reservation_ids"] as const, (container, input) =>
  ingestInventoryWorkflow(container).run({ input })
)

/** Reloads the stock these pointers lead to, batched with whatever else is arriving. */
export function ingestInventorySoon(container: MedusaContainer, pointers: InventoryPointers): Promise<void> {
  return inventory.add(container, pointers)
}
