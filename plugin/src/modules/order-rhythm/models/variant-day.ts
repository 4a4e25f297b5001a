import { model } from "@medusajs/framework/utils"

/**
 * Per local day x variant x stock location: what was demanded and returned, and the stock
 * at the end of the day. `stock_end` and `out_of_stock` are null when the stock is not
 * known (before the plugin saw the first level): forecasting must not read that as zero.
 */
export const VariantDay = model
  .define("order_rhythm_variant_day", {
    id: model.id({ prefix: "orvday" }).primaryKey(),
    local_date: model.text(),
    variant_id: model.text(),
    location_id: model.text(),
    units_demanded: model.number().default(0),
    units_returned: model.number().default(0),
    stock_end: model.number().nullable(),
    out_of_stock: model.boolean().nullable(),
  })
  .indexes([
    { on: ["local_date", "variant_id", "location_id"], unique: true },
    { on: ["variant_id", "local_date"] },
  ])
