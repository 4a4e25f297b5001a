import { model } from "@medusajs/framework/utils"

/**
 * One row per order line, with a snapshot of SKU and title: a variant may be renamed
 * or deleted later, and history must still read as it was sold.
 */
export const OrderLineFact = model
  .define("order_rhythm_order_line_fact", {
    id: model.id({ prefix: "orline" }).primaryKey(),
    line_id: model.text().unique(),
    order_id: model.text(),
    variant_id: model.text().nullable(),
    product_id: model.text().nullable(),
    sku: model.text().nullable(),
    title: model.text(),
    quantity: model.number(),
    unit_price: model.bigNumber(),
    /** Line total after discounts, without tax, in currency units. */
    net_amount: model.bigNumber(),
    /** The stock location of the line's reservation: its demand belongs there. */
    stock_location_id: model.text().nullable(),
    /** [{ inventory_item_id, required_quantity }] as the variant was made up when sold. */
    inventory_items: model.json().nullable(),
    /**
     * The order's placement, copied: a variant's demand of one day is then one index range,
     * not every line the variant ever sold (that made each recount slower as history grew).
     */
    placed_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["order_id"] }, { on: ["variant_id"] }, { on: ["variant_id", "placed_at"] }])
