import { model } from "@medusajs/framework/utils"

/**
 * Per hour x sales channel x currency counters, recomputed from the facts for exactly
 * the hours an ingest touched, so the wall reads a few hundred rows instead of scanning
 * orders. Keyed by the hour's UTC start; the local labels follow the store's time zone
 * (an autumn DST hour that happens twice stays two rows).
 */
export const HourBucket = model
  .define("order_rhythm_hour_bucket", {
    id: model.id({ prefix: "orhour" }).primaryKey(),
    hour_start: model.dateTime(),
    sales_channel_id: model.text(),
    currency_code: model.text(),
    local_date: model.text(),
    local_hour: model.number(),
    orders: model.number().default(0),
    units: model.number().default(0),
    /** Item revenue of the orders placed in this hour. */
    revenue: model.bigNumber().default(0),
    cancellations: model.number().default(0),
    canceled_revenue: model.bigNumber().default(0),
    fulfilments: model.number().default(0),
    fulfilled_units: model.number().default(0),
    shipments: model.number().default(0),
    deliveries: model.number().default(0),
    returns: model.number().default(0),
    returned_units: model.number().default(0),
    returned_revenue: model.bigNumber().default(0),
    captured: model.bigNumber().default(0),
    refunded: model.bigNumber().default(0),
  })
  .indexes([
    { on: ["hour_start", "sales_channel_id", "currency_code"], unique: true },
    { on: ["local_date"] },
  ])
