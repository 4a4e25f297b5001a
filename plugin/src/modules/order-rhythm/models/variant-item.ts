import { model } from "@medusajs/framework/utils"

/** Which inventory items a variant draws on, and how many of each per unit (kits need several). */
export const VariantItem = model
  .define("order_rhythm_variant_item", {
    id: model.id({ prefix: "orvit" }).primaryKey(),
    variant_id: model.text(),
    inventory_item_id: model.text(),
    required_quantity: model.number().default(1),
  })
  .indexes([
    { on: ["variant_id", "inventory_item_id"], unique: true },
    { on: ["inventory_item_id"] },
  ])
