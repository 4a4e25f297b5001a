/**
 * One variant x location's forecast through its life in the plugin: fitted (weekly selection or
 * nightly refit), moved on by closed days without a refit, and read by the API. All plain data, so
 * the same functions run in a worker thread, in a unit test and next to an order's ingest.
 */
import {
  censorStockOuts,
  demandQuantiles as engineDemandQuantiles,
  forecastFromState,
  forecastSeries,
  leadTimeDemand,
  naiveScale,
  poolErrors,
  QUANTILE_LEVELS,
  refitSelected,
  shippedConfig,
  toVariantState,
  updateForecast,
  withPooledErrors,
  type DemandQuantiles,
  type ForecastConfig,
  type StockFlag,
  type VariantForecastState,
} from "../forecast"
import { addDays, daysBetween, type DailySeries } from "./daily-series"

/** Daily demand: the week is the season; a year, once two of them are there to learn it from. */
export const DAILY_SEASON = 7
const YEAR = 365

/** The shipped engine configuration for a daily series of `length` days; the API's forecast equals the engine's with it. */
export function dailyForecastConfig(length: number, horizon: number): ForecastConfig {
  return shippedConfig({ horizon, season: DAILY_SEASON, periodsPerYear: YEAR, length })
}

/** Lead times are whole days when tracked: the forecast for the day `L` ahead. */
export function trackedHorizons(leadTimeDays: number): number[] {
  return [...new Set([1, Math.max(1, Math.round(leadTimeDays))])]
}

export type FitTask = {
  kind: "select" | "refit"
  series: DailySeries
  horizon: number
  /** the stored forecast, for a refit with its chosen model and error profile */
  previous?: { model: string; members: string[]; state: VariantForecastState } | null
}

export type FittedForecast = {
  variant_id: string
  location_id: string
  model: string
  members: string[]
  intermittent: boolean
  state: VariantForecastState
  /** in-sample seasonal-naive MAE; null when the series is too short or never changes */
  scale: number | null
  firstDate: string
  lastDate: string
  /** true when the model was chosen now, false when the stored choice was refitted */
  selected: boolean
}

/**
 * Selection runs the contest; a refit re-estimates the chosen model on the longer series and keeps
 * the error profile and accuracy its selection measured. A variant without a stored choice is
 * selected even on a refit night: a new product should not wait for the weekly run.
 */
export function fitVariant(task: FitTask): FittedForecast {
  const { series, horizon } = task
  const config = dailyForecastConfig(series.values.length, horizon)
  const scale = seriesScale(series.values)
  const base = { variant_id: series.variant_id, location_id: series.location_id, scale, firstDate: series.firstDate, lastDate: series.lastDate }
  if (task.kind === "refit" && task.previous) {
    const y = censorStockOuts(series.values, series.inStock, DAILY_SEASON).values
    const model = refitSelected(y, { model: task.previous.model, members: task.previous.members }, config)
    const state: VariantForecastState = { ...task.previous.state, model, updates: 0, live: { pairs: 0, absError: 0, error: 0, inside95: 0 } }
    return { ...base, model: task.previous.model, members: task.previous.members, intermittent: state.intermittent, state, selected: false }
  }
  const forecast = forecastSeries(series.values, { ...config, inStock: series.inStock })
  return {
    ...base,
    model: forecast.model,
    members: forecast.members,
    intermittent: forecast.intermittent,
    state: toVariantState(forecast),
    selected: true,
  }
}

/**
 * The error quantiles of the variants selected together, pooled (scaled) and blended into each
 * one's own, as `forecastMany` does for a file's series: a variant with a short history borrows
 * the spread of its kind. Refitted variants keep the profile their selection blended.
 */
export function poolSelected(fitted: readonly FittedForecast[]): FittedForecast[] {
  const selected = fitted.filter((f) => f.selected)
  const pooled = poolErrors(selected.map((f) => ({ profile: f.state.profile, intermittent: f.state.intermittent })))
  if (!pooled) return fitted.slice()
  return fitted.map((f) => (f.selected ? { ...f, state: { ...f.state, profile: withPooledErrors(f.state.profile, f.state.intermittent, pooled) } } : f))
}

function seriesScale(values: readonly number[]): number | null {
  const lag = values.length > DAILY_SEASON ? DAILY_SEASON : 1
  const scale = naiveScale(values, lag)
  return Number.isFinite(scale) && scale > 0 ? scale : null
}

export type ClosedDay = { date: string; units: number; inStock: StockFlag }

/**
 * Folds the days after `lastDate` up to `through` into the state, one O(1) update each. A day the
 * store holds no row for had no demand and unknown stock.
 */
export function foldClosedDays(
  state: VariantForecastState,
  lastDate: string,
  through: string,
  days: readonly ClosedDay[]
): { state: VariantForecastState; lastDate: string; folded: ClosedDay[] } {
  const byDate = new Map(days.map((d) => [d.date, d]))
  const folded: ClosedDay[] = []
  let next = state
  for (let k = 1, n = daysBetween(lastDate, through); k <= n; k++) {
    const date = addDays(lastDate, k)
    const day = byDate.get(date) ?? { date, units: 0, inStock: null }
    next = updateForecast(next, day.units, day.inStock)
    folded.push(day)
  }
  return { state: next, lastDate: folded.length ? through : lastDate, folded }
}

export type PlannedPoint = { horizon: number; origin_date: string; target_date: string; forecast: number; lo95: number; hi95: number }

/** The forecasts to check later: the next day and the day one lead time ahead, from `lastDate`. */
export function trackedPoints(state: VariantForecastState, lastDate: string, leadTimeDays: number): PlannedPoint[] {
  const horizons = trackedHorizons(leadTimeDays)
  const { mean, quantiles } = forecastFromState(state, Math.max(...horizons), [95])
  const lo = quantiles.find((q) => q.p === 0.025)!.values
  const hi = quantiles.find((q) => q.p === 0.975)!.values
  return horizons.map((h) => ({
    horizon: h,
    origin_date: lastDate,
    target_date: addDays(lastDate, h),
    forecast: mean[h - 1],
    lo95: lo[h - 1],
    hi95: hi[h - 1],
  }))
}

/** The mean forecast of the next `days` days, kept beside the state for the store's day totals. */
export function meanAhead(state: VariantForecastState, days: number): number[] {
  return forecastFromState(state, days, []).mean
}

/** Central interval levels the API reports; 0 adds the median. */
export const API_LEVELS = [0, 50, 80, 95]

export type ForecastView = {
  /** the last closed day the forecast starts after */
  lastDate: string
  days: Array<{ date: string; mean: number; quantiles: Record<string, number> }>
  leadTime: LeadTimeView
  /** lead time plus review period: what an order-up-to level must cover */
  protectionPeriod: LeadTimeView
  /** the engine's quantiles of demand per day and of the total over days 1..h, from today */
  quantiles: DemandQuantiles
}

export type LeadTimeView = {
  days: number
  mean: number
  serviceLevel: number
  /** the demand the stock must cover to meet the service level */
  atServiceLevel: number
  distribution: string
  quantiles: Record<string, number>
}

/**
 * What the API shows for a stored state: the next `horizon` days with their quantiles, and the
 * lead-time demand from the forecast's own error distribution (not the sum of daily bounds).
 * Days already closed but not yet folded in are skipped, so the first day is always today.
 */
export function forecastView(
  state: VariantForecastState,
  opts: { lastDate: string; today: string; horizon: number; leadTimeDays: number; reviewPeriodDays: number; serviceLevel: number }
): ForecastView {
  const skip = Math.max(0, daysBetween(opts.lastDate, opts.today) - 1)
  const lead = Math.max(1, Math.round(opts.leadTimeDays))
  const protection = Math.max(1, Math.round(opts.leadTimeDays + opts.reviewPeriodDays))
  const { mean, quantiles } = forecastFromState(state, skip + Math.max(opts.horizon, protection), API_LEVELS)
  const days = Array.from({ length: opts.horizon }, (_, k) => ({
    date: addDays(opts.lastDate, skip + k + 1),
    mean: mean[skip + k],
    quantiles: Object.fromEntries(quantiles.map((q) => [String(q.p), q.values[skip + k]])),
  }))
  const ahead = mean.slice(skip)
  return {
    lastDate: opts.lastDate,
    days,
    leadTime: demandQuantiles(state, ahead, lead, opts.serviceLevel),
    protectionPeriod: demandQuantiles(state, ahead, protection, opts.serviceLevel),
    quantiles: engineDemandQuantiles(ahead.slice(0, Math.max(opts.horizon, protection)), state.profile, state.intermittent),
  }
}

function demandQuantiles(state: VariantForecastState, mean: number[], days: number, serviceLevel: number): LeadTimeView {
  const demand = leadTimeDemand(mean, state.profile, days, state.intermittent)
  return {
    days,
    mean: demand.mean,
    serviceLevel,
    atServiceLevel: demand.quantile(serviceLevel),
    distribution: demand.distribution,
    quantiles: Object.fromEntries(QUANTILE_LEVELS.map((p) => [String(p), demand.quantile(p)])),
  }
}
