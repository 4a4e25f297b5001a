import type { MedusaContainer } from "@medusajs/framework/types"
import { ingestInventoryWorkflow } from "../ingest-inventory"
import type { InventoryPointers } from "../steps/load-inventory"
import { Batcher, unique } from "./batcher"

/** One per process, like the orders' (see Batcher). */
const inventory = new Batcher<Required<InventoryPointers>>(
  () => ({ inventory_item_ids: [], level_ids: [], reservation_ids: [] }),
  (into, more) => {
    into.inventory_item_ids.push(...more.inventory_item_ids)
    into.level_ids.push(...more.level_ids)
    into.reservation_ids.push(...more.reservation_ids)
  },
  async (container, pointers) => {
    await ingestInventoryWorkflow(container).run({
      input: {
        inventory_item_ids: unique(pointers.inventory_item_ids),
        level_ids: unique(pointers.level_ids),
        reservation_ids: unique(pointers.reservation_ids),
      },
    })
  }
)

/** Reloads the stock these pointers lead to, batched with whatever else is arriving. */
export function ingestInventorySoon(container: MedusaContainer, pointers: InventoryPointers): Promise<void> {
  return inventory.add(container, {
    inventory_item_ids: pointers.inventory_item_ids ?? [],
    level_ids: pointers.level_ids ?? [],
    reservation_ids: pointers.reservation_ids ?? [],
  })
}
