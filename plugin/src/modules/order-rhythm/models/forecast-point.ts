import { model } from "@medusajs/framework/utils"

/**
 * Forecast against actual: what the plugin forecast for a day at horizon 1 and at the lead
 * time, and (once the day closed) what was demanded. Tracking figures, per variant and overall,
 * over time, are read from these rows. A day out of stock keeps its actual but is not scored.
 */
export const ForecastPoint = model
  .define("order_rhythm_forecast_point", {
    id: model.id({ prefix: "orfcpt" }).primaryKey(),
    variant_id: model.text(),
    location_id: model.text(),
    horizon: model.number(),
    /** the last closed day the forecast was made from */
    origin_date: model.text(),
    target_date: model.text(),
    forecast: model.float(),
    lo95: model.float(),
    hi95: model.float(),
    /** the variant's scale when the forecast was made, so a later refit does not re-weigh old errors */
    scale: model.float().nullable(),
    actual: model.float().nullable(),
    /** false: the day ran out of stock (censored, not scored); null: unknown or not closed yet */
    in_stock: model.boolean().nullable(),
  })
  .indexes([
    { on: ["variant_id", "location_id", "horizon", "target_date"], unique: true },
    { on: ["target_date"] },
  ])
