import { model } from "@medusajs/framework/utils"

/**
 * Per local day x sales channel x currency, the hour buckets of that day (by their local label)
 * added up: a year's series or rates read 365 rows per channel instead of grouping 8,760 hours.
 * Recounted from the hour buckets with them (store/hour-buckets), rebuilt when they are relabelled.
 */
export const DayBucket = model
  .define("order_rhythm_day_bucket", {
    id: model.id({ prefix: "orday" }).primaryKey(),
    local_date: model.text(),
    sales_channel_id: model.text(),
    currency_code: model.text(),
    /** the day's earliest hour with activity in its buckets: where the engine places the row */
    first_hour: model.dateTime(),
    orders: model.number().default(0),
    units: model.number().default(0),
    /** revenue net of cancellations and returns, as the hours count it */
    net_revenue: model.bigNumber().default(0),
    fulfilments: model.number().default(0),
    fulfilled_units: model.number().default(0),
    cancellations: model.number().default(0),
    returns: model.number().default(0),
  })
  .indexes([{ on: ["local_date", "sales_channel_id", "currency_code"], unique: true }])
