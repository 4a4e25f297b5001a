/**
 * The engine's entry: one series in (with its stock flags), the chosen model's forecast out, with
 * quantiles, the accuracy its backtest achieved, and a state that later orders update in O(1).
 * The plugin's weekly job calls `forecastSeries` (selection), the nightly job `refitSelected`.
 */
import { censorStockOuts, type StockFlag } from "./censoring"
import { profileQuantile, type ErrorProfile } from "./error-distribution"
import { pointForecast, type PointForecast } from "./point-forecast"
import { fitContext, selectModel, type FitSettings, type Selection, type SelectionConfig } from "./select"
import type { BacktestAccuracy, ModelState, QuantileForecast } from "./types"
import { carriesSeason, combine, forecasterFor } from "./zoo"

export type ForecastConfig = SelectionConfig & {
  /** central interval levels in percent */
  levels?: number[]
  /** per-period stock flag: false = out of stock (censored), true or unknown = taken as observed */
  inStock?: readonly StockFlag[]
  /** clip forecasts and quantiles at zero (demand); default true */
  nonNegative?: boolean
  /** what `point` holds: the mean (default), or for count data the median that absolute error rewards (point-forecast.ts) */
  point?: PointForecast
}

export type SeriesForecast = {
  model: string
  members: string[]
  family: string
  intermittent: boolean
  /** the chosen model forecasts a seasonal shape */
  seasonal: boolean
  mean: number[]
  /** the point to score by absolute error (MASE): the mean, or its count median (`ForecastConfig.point`) */
  point: number[]
  quantiles: QuantileForecast
  accuracy: BacktestAccuracy
  scores: Record<string, number>
  /** the refitted model on all data: feed it to `updateForecast` as new days close */
  state: ModelState
  profile: ErrorProfile
  censoredPeriods: number
}

export function levelsToProbs(levels: readonly number[]): number[] {
  const ps = new Set<number>()
  for (const l of levels) {
    const a = (100 - l) / 200
    ps.add(Math.round(a * 1e6) / 1e6)
    ps.add(Math.round((1 - a) * 1e6) / 1e6)
  }
  return [...ps].sort((a, b) => a - b)
}

export function refitSelected(y: readonly number[], selection: Pick<Selection, "model" | "members">, config: FitSettings): ModelState {
  const ctx = fitContext(config)
  if (selection.model === "combination") return combine(selection.members.map((m) => forecasterFor(m).fit(y, ctx)))
  return forecasterFor(selection.model).fit(y, ctx)
}

export function predictWithQuantiles(state: ModelState, profile: ErrorProfile, h: number, levels: readonly number[], nonNegative = true) {
  const clip = (v: number) => (nonNegative ? Math.max(0, v) : v)
  const mean = forecasterFor(state.model).predict(state, h).map(clip)
  const last = profile.byHorizon.length - 1
  const quantiles: QuantileForecast = levelsToProbs(levels).map((p) => ({
    p,
    // beyond the backtest horizon the last known spread is the best (if optimistic) guess
    values: mean.map((m, k) => (last < 0 ? m : clip(m + profileQuantile(profile.byHorizon[Math.min(k, last)], p, profile.probs)))),
  }))
  return { mean, quantiles }
}

export function forecastSeries(values: readonly number[], config: ForecastConfig): SeriesForecast {
  const { values: y, censored } = censorStockOuts(values, config.inStock, config.season)
  const selection = selectModel(y, config, censored)
  const state = refitSelected(y, selection, config)
  const { mean, quantiles } = predictWithQuantiles(state, selection.profile, config.horizon, config.levels ?? [80, 95], config.nonNegative ?? true)
  return {
    model: selection.model,
    members: selection.members,
    family: forecasterFor(selection.model).family,
    intermittent: selection.intermittent,
    seasonal: carriesSeason(state),
    mean,
    point: pointForecast(mean, values, config.point),
    quantiles,
    accuracy: selection.accuracy,
    scores: selection.scores,
    state,
    profile: selection.profile,
    censoredPeriods: censored.filter(Boolean).length,
  }
}
