/**
 * The engine's entry: one series in (with its stock flags), the chosen model's forecast out, with
 * quantiles, the accuracy its backtest achieved, and a state that later orders update in O(1).
 * The plugin's weekly job calls `forecastSeries` (selection), the nightly job `refitSelected`.
 */
import { censorStockOuts, type StockFlag } from "./censoring"
import { profileQuantile, type ErrorProfile } from "./error-distribution"
import { demandQuantiles, type DemandQuantiles } from "./demand-quantiles"
import { poolErrors, withPooledErrors, type PooledErrors } from "./pooled-errors"
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
  /** scaled error quantiles of similar series (pooled-errors.ts), blended into this series' own */
  pooledErrors?: PooledErrors | null
}

export type SeriesForecast = {
  model: string
  members: string[]
  family: string
  intermittent: boolean
  /** the chosen model forecasts a seasonal shape */
  seasonal: boolean
  mean: number[]
  quantiles: QuantileForecast
  /** quantiles of demand per day and of the total over days 1..h, at QUANTILE_LEVELS */
  demand: DemandQuantiles
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
  const profile = withPooledErrors(selection.profile, selection.intermittent, config.pooledErrors)
  const { mean, quantiles } = predictWithQuantiles(state, profile, config.horizon, config.levels ?? [80, 95], config.nonNegative ?? true)
  return {
    model: selection.model,
    members: selection.members,
    family: forecasterFor(selection.model).family,
    intermittent: selection.intermittent,
    seasonal: carriesSeason(state),
    mean,
    quantiles,
    demand: demandQuantiles(mean, profile, selection.intermittent),
    accuracy: selection.accuracy,
    scores: selection.scores,
    state,
    profile,
    censoredPeriods: censored.filter(Boolean).length,
  }
}

/** A forecast's intervals and demand quantiles again, with pooled errors blended into its own profile. */
export function withPool(f: SeriesForecast, pooled: PooledErrors | null, config: Pick<ForecastConfig, "horizon" | "levels" | "nonNegative">): SeriesForecast {
  const profile = withPooledErrors(f.profile, f.intermittent, pooled)
  if (profile === f.profile) return f
  const { quantiles } = predictWithQuantiles(f.state, profile, config.horizon, config.levels ?? [80, 95], config.nonNegative ?? true)
  return { ...f, profile, quantiles, demand: demandQuantiles(f.mean, profile, f.intermittent) }
}

/**
 * Many series at once, as the plugin forecasts a store's variants: each selected on its own, then
 * the error quantiles of all of them pooled (scaled) and blended into each one's own.
 */
export function forecastMany(series: readonly { values: readonly number[]; config: ForecastConfig }[]): SeriesForecast[] {
  const own = series.map((s) => forecastSeries(s.values, { ...s.config, pooledErrors: null }))
  const pooled = poolErrors(own)
  return own.map((f, i) => withPool(f, pooled, series[i].config))
}
