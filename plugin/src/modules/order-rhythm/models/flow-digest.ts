import { model } from "@medusajs/framework/utils"

/**
 * The cycle-time digest (lib/rhythm/flow-digest) of the orders placed in one aligned block of
 * UTC hours (lib/rhythm/time-blocks), per sales channel x stock location, with "*" standing
 * for all of them, so a year's cohort is a few dozen rows whatever the filter. Recounted from
 * the order facts for exactly the hours an ingest touched, then up the levels.
 */
export const FlowDigest = model
  .define("order_rhythm_flow_digest", {
    id: model.id({ prefix: "ordig" }).primaryKey(),
    block_hours: model.number(),
    block_start: model.dateTime(),
    /** "" for orders without a channel, "*" for every channel */
    sales_channel_id: model.text(),
    /** "" for orders without a location, "*" for every location */
    stock_location_id: model.text(),
    orders: model.number().default(0),
    digest: model.json(),
  })
  .indexes([{ on: ["block_hours", "block_start", "sales_channel_id", "stock_location_id"], unique: true }])
