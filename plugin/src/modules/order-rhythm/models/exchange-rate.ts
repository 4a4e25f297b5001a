import { model } from "@medusajs/framework/utils"

/**
 * A rate an admin entered: from `effective_from` (a local date in the store's zone) on,
 * 1 unit of `currency_code` = `rate` units of `reporting_currency`, until the currency's
 * next rate. Rates are typed in, never fetched: the store may be offline. Each row names
 * the reporting currency it was entered against, so changing the reporting currency never
 * reads old rates as if they were quoted in the new one.
 */
export const ExchangeRate = model
  .define("order_rhythm_exchange_rate", {
    id: model.id({ prefix: "orrate" }).primaryKey(),
    currency_code: model.text(),
    reporting_currency: model.text(),
    effective_from: model.text(),
    rate: model.bigNumber(),
    created_by: model.text().nullable(),
  })
  .indexes([{ on: ["reporting_currency", "currency_code", "effective_from"], unique: true }])
