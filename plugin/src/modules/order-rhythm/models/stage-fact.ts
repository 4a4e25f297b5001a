import { model } from "@medusajs/framework/utils"

/**
 * One row per stage record, keyed by the Medusa record that made it (`capture:<id>`,
 * `fulfillment:<id>`, `shipment:<fulfillment id>`, `return:<id>`...), with the time
 * Medusa recorded for it. An order has many: partial fulfilments, several returns.
 */
export const StageFact = model
  .define("order_rhythm_stage_fact", {
    id: model.id({ prefix: "orstage" }).primaryKey(),
    key: model.text().unique(),
    order_id: model.text(),
    stage: model.enum([
      "captured",
      "refunded",
      "fulfilled",
      "shipped",
      "delivered",
      "return_requested",
      "returned",
      "canceled",
      "edited",
      "claimed",
      "exchanged",
    ]),
    source_id: model.text(),
    occurred_at: model.dateTime(),
    units: model.number().default(0),
    /** Money the stage moved, in currency units: captured, refunded, or item value returned/canceled. */
    amount: model.bigNumber().default(0),
    currency_code: model.text(),
    /** Copied from the order so hour buckets group stages without a join. */
    sales_channel_id: model.text().default(""),
    stock_location_id: model.text().nullable(),
    /** For line-level stages (a return's lines): which line and variant. */
    line_id: model.text().nullable(),
    variant_id: model.text().nullable(),
  })
  .indexes([{ on: ["order_id"] }, { on: ["occurred_at"] }])
