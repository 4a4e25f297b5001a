import type { MedusaContainer } from "@medusajs/framework/types"
import { ingestInventoryWorkflow } from "../ingest-inventory"
import type { InventoryPointers } from "../steps/load-inventory"
import { Batcher } from "./batcher"

/**
 * How long a lone stock event waits for the others of its checkout: a checkout emitted two or
 * three (a reservation per line, the levels), each an ingest of its own, the largest share of
 * the plugin's queries per order. No screen shows stock within the second.
 */
export const INVENTORY_GATHER_MS = 250

/** One per process, like the orders' (see Batcher). */
const inventory = new Batcher(
  ["inventory_item_ids", "level_ids", "reservation_ids"] as const,
  (container, input) => ingestInventoryWorkflow(container).run({ input }),
  { gatherMs: INVENTORY_GATHER_MS }
)

/** Reloads the stock these pointers lead to, batched with whatever else is arriving. */
export function ingestInventorySoon(container: MedusaContainer, pointers: InventoryPointers): Promise<void> {
  return inventory.add(container, pointers)
}
