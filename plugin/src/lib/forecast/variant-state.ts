/**
 * What the plugin stores per variant between nightly refits: the fitted model's state, its error
 * distribution and the accuracy it achieved, plus a running forecast-vs-actual record at h = 1.
 * `updateForecast` folds in one closed day without a refit: O(1), plain JSON in and out.
 */
import type { StockFlag } from "./censoring"
import type { ErrorProfile } from "./error-distribution"
import { predictWithQuantiles, type SeriesForecast } from "./forecast-series"
import { profileQuantile } from "./error-distribution"
import type { BacktestAccuracy, ModelState } from "./types"
import { forecasterFor } from "./zoo"

export type VariantForecastState = {
  model: ModelState
  profile: ErrorProfile
  intermittent: boolean
  accuracy: BacktestAccuracy
  /** periods folded in since the last refit */
  updates: number
  /** live h = 1 record since the last refit */
  live: { pairs: number; absError: number; error: number; inside95: number }
}

export function toVariantState(f: SeriesForecast): VariantForecastState {
  return {
    model: f.state,
    profile: f.profile,
    intermittent: f.intermittent,
    accuracy: f.accuracy,
    updates: 0,
    live: { pairs: 0, absError: 0, error: 0, inside95: 0 },
  }
}

export function updateForecast(s: VariantForecastState, y: number, inStock?: StockFlag): VariantForecastState {
  const model = forecasterFor(s.model.model)
  const next = model.predict(s.model, 1)[0]
  if (inStock === false) {
    // a stock-out day says demand was at least what sold: learn the forecast, not a false low
    return { ...s, model: model.update(s.model, Math.max(y, next)), updates: s.updates + 1 }
  }
  const row = s.profile.byHorizon[0]
  const inside = row ? y >= next + profileQuantile(row, 0.025, s.profile.probs) && y <= next + profileQuantile(row, 0.975, s.profile.probs) : false
  return {
    ...s,
    model: model.update(s.model, y),
    updates: s.updates + 1,
    live: {
      pairs: s.live.pairs + 1,
      absError: s.live.absError + Math.abs(y - next),
      error: s.live.error + (next - y),
      inside95: s.live.inside95 + (inside ? 1 : 0),
    },
  }
}

export function forecastFromState(s: VariantForecastState, h: number, levels: readonly number[] = [80, 95]) {
  return predictWithQuantiles(s.model, s.profile, h, levels)
}
