/**
 * The one configuration that ships. The plugin (daily, per variant), `pnpm forecast:eval` and
 * `pnpm bench:forecast` all build their engine configuration here, from what they know of the data:
 * the horizon, the season, and optionally the periods in a year (a yearly season is added once a
 * series holds two years). Everything else is the engine's defaults, chosen on validation windows
 * cut from training data only (docs/forecasting.md).
 */
import type { ForecastConfig } from "./forecast-series"

export type ShippedOptions = {
  horizon: number
  /** the primary season in periods: 7 daily, 12 monthly, 52 weekly, 1 none */
  season: number
  /** periods in a year (365 daily): a yearly season for series of at least two years */
  periodsPerYear?: number
  /** the series' length, for the yearly season */
  length?: number
}

export function shippedConfig(o: ShippedOptions): ForecastConfig {
  const year = o.periodsPerYear
  const yearly = year !== undefined && year > o.season && o.length !== undefined && o.length >= 2 * year
  return { horizon: o.horizon, season: o.season, extraSeasons: yearly ? [year] : undefined }
}
