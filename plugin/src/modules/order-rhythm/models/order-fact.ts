import { model } from "@medusajs/framework/utils"

/**
 * One row per Medusa order, derived from the order as Medusa stores it (never from
 * the event that pointed at it), so re-deriving the same order yields the same row.
 */
export const OrderFact = model
  .define("order_rhythm_order_fact", {
    id: model.id({ prefix: "orfact" }).primaryKey(),
    order_id: model.text().unique(),
    display_id: model.number().nullable(),
    sales_channel_id: model.text().nullable(),
    region_id: model.text().nullable(),
    customer_id: model.text().nullable(),
    currency_code: model.text(),
    placed_at: model.dateTime(),
    canceled_at: model.dateTime().nullable(),
    units: model.number().default(0),
    /** Item totals after discounts, without tax and shipping, in currency units. */
    revenue: model.bigNumber().default(0),
    /** Where the order's stock was reserved or first fulfilled from. */
    stock_location_id: model.text().nullable(),
    // The order's flow, from the timestamps Medusa recorded (never event arrival times).
    captured_at: model.dateTime().nullable(),
    first_fulfilled_at: model.dateTime().nullable(),
    fully_fulfilled_at: model.dateTime().nullable(),
    first_shipped_at: model.dateTime().nullable(),
    fully_shipped_at: model.dateTime().nullable(),
    fully_delivered_at: model.dateTime().nullable(),
    fulfilled_units: model.number().default(0),
    shipped_units: model.number().default(0),
    delivered_units: model.number().default(0),
    returned_units: model.number().default(0),
    /** Medusa's `updated_at` for the order when these facts were derived: the reconciliation cursor. */
    source_updated_at: model.dateTime(),
  })
  .indexes([
    { on: ["placed_at"] },
    { on: ["sales_channel_id", "placed_at"] },
    // The backlog reads only the orders still open at the store's final stage: one small
    // partial index per possible final stage keeps that read off the whole history.
    { name: "IDX_order_rhythm_order_fact_open_fulfilled", on: ["placed_at"], where: "canceled_at IS NULL AND fully_fulfilled_at IS NULL AND deleted_at IS NULL" },
    { name: "IDX_order_rhythm_order_fact_open_shipped", on: ["placed_at"], where: "canceled_at IS NULL AND fully_shipped_at IS NULL AND deleted_at IS NULL" },
    { name: "IDX_order_rhythm_order_fact_open_delivered", on: ["placed_at"], where: "canceled_at IS NULL AND fully_delivered_at IS NULL AND deleted_at IS NULL" },
  ])
