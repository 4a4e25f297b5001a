/**
 * The forecast a variant has stored today (`VariantForecastState`: its model and backtest error
 * profile) turned into the quantile grid the inventory engine reads. The cumulative quantiles are
 * the forecasting engine's own lead-time demand (empirical errors of the total for smooth items,
 * its Poisson / negative binomial for intermittent ones), so nothing is re-derived here.
 */
import { forecastFromState, leadTimeDemand, profileQuantile, type VariantForecastState } from "../forecast"
import { QUANTILE_LEVELS, type SeriesDemand } from "./demand-quantiles"

export function demandFromForecastState(state: VariantForecastState, horizon: number, levels: readonly number[] = QUANTILE_LEVELS): SeriesDemand {
  const mean = forecastFromState(state, horizon, []).mean
  const rows = state.profile.byHorizon
  const daily = mean.map((m, h) => levels.map((p) => (rows.length ? Math.max(0, m + profileQuantile(rows[Math.min(h, rows.length - 1)], p, state.profile.probs)) : m)))
  const cumulative = mean.map((_, h) => {
    const total = leadTimeDemand(mean, state.profile, h + 1, state.intermittent)
    return levels.map((p) => total.quantile(p, "at-least"))
  })
  return { mean, intermittent: state.intermittent, quantiles: { levels, daily, cumulative } }
}
