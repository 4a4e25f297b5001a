import { model } from "@medusajs/framework/utils"

/**
 * Stock of one inventory item at one location as Medusa held it at `observed_at` (the
 * level's own `updated_at`). Medusa keeps no stock history, so this table is the history:
 * a row per change seen. Before the first row, stock is unknown, never zero.
 */
export const InventorySnapshot = model
  .define("order_rhythm_inventory_snapshot", {
    id: model.id({ prefix: "orinv" }).primaryKey(),
    inventory_item_id: model.text(),
    location_id: model.text(),
    stocked: model.number(),
    reserved: model.number(),
    incoming: model.number(),
    observed_at: model.dateTime(),
  })
  .indexes([
    { on: ["inventory_item_id", "location_id", "observed_at"], unique: true },
    { on: ["observed_at"] },
  ])
