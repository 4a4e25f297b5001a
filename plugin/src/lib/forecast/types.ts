/**
 * The one small interface every forecaster shares (after statsforecast): fit on a series, predict
 * h steps, and fold in one new observation without a refit. A model's state is plain JSON so it
 * can be stored per variant, sent to a worker thread and updated when an order arrives.
 */

export type ModelFamily = "naive" | "seasonal" | "smooth" | "intermittent" | "combination"

export type FitContext = {
  /** primary season length in periods (7 for daily data, 12 monthly, 52 weekly); 1 = none */
  season: number
  /** further, longer seasons (365 for yearly on daily data) for the multi-seasonal models */
  extraSeasons?: readonly number[]
  /**
   * multiplicative indices of the primary season (phase t mod season, t = 0 at the series'
   * start) taken from the store's total demand: a single SKU is too noisy to show the week's
   * shape, the store's total shows it clearly
   */
  sharedProfile?: readonly number[]
}

/** Plain data; `model` names the forecaster that reads it. */
export type ModelState = { readonly model: string }

export interface Forecaster<S extends ModelState = ModelState> {
  readonly name: string
  readonly family: ModelFamily
  /** whether the model is worth trying on this series at all (length, season) */
  applicable?(n: number, ctx: FitContext): boolean
  fit(y: readonly number[], ctx: FitContext): S
  /** O(1) in the history length: one new observation in, the next state out */
  update(state: S, y: number): S
  predict(state: S, h: number): number[]
}

/** Quantiles of the forecast per horizon, keyed by probability (0.025, 0.975, ...). */
export type QuantileForecast = { p: number; values: number[] }[]

/** Accuracy of the chosen model on its own rolling-origin backtest, carried with every forecast. */
export type BacktestAccuracy = {
  /** MAE of the backtest forecasts scaled by the in-sample (seasonal) naive MAE */
  mase: number
  /** RMSE scaled the same way, squared errors */
  rmsse: number
  /** mean(forecast - actual) relative to the mean actual: + over-forecasts, - under-forecasts */
  bias: number
  /** share of backtest actuals inside the central 95% interval */
  coverage95: number
  /** how many forecast/actual pairs the figures rest on */
  pairs: number
}
