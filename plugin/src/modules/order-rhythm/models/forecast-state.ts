import { model } from "@medusajs/framework/utils"

/**
 * Per variant x stock location: the forecast the plugin keeps between fits. `state` is the
 * engine's `VariantForecastState` (model state, error profile, live h = 1 record), so an order
 * or a closed day moves it on without a refit. The backtest accuracy is kept in columns too,
 * so the worst-forecast variants can be listed without parsing JSON.
 */
export const ForecastState = model
  .define("order_rhythm_forecast_state", {
    id: model.id({ prefix: "orfcst" }).primaryKey(),
    variant_id: model.text(),
    location_id: model.text(),
    /** the chosen model, or "combination" of `members` */
    model: model.text(),
    members: model.json(),
    intermittent: model.boolean().default(false),
    state: model.json(),
    /**
     * mean forecast per day from the day after `last_date`, kept beside the state so the
     * store's total for a day is one SQL sum, not 10,000 model predictions per wall recount
     */
    forecast_mean: model.json(),
    /** backtest accuracy of the chosen model at selection time; null when too short to backtest */
    mase: model.float().nullable(),
    rmsse: model.float().nullable(),
    bias: model.float().nullable(),
    coverage95: model.float().nullable(),
    backtest_pairs: model.number().default(0),
    /** in-sample seasonal-naive MAE: the scale that makes tracked errors a MASE */
    scale: model.float().nullable(),
    /** first and last local day of the series the state has seen (the last is folded in) */
    first_date: model.text(),
    last_date: model.text(),
    selected_at: model.dateTime(),
    fitted_at: model.dateTime(),
  })
  .indexes([{ on: ["variant_id", "location_id"], unique: true }])
