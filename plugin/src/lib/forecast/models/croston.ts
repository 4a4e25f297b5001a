import type { Forecaster } from "../types"

/**
 * Croston's method exactly as R's `forecast::croston` computes it: simple exponential smoothing of
 * the non-zero demand sizes and of the intervals between them, each started at its first value,
 * forecast = size / interval. SBA multiplies by (1 - alpha/2) to remove Croston's upward bias.
 */
export type CrostonState = {
  model: "croston" | "sba"
  alpha: number
  /** smoothed non-zero demand size; null until the first demand */
  size: number | null
  /** smoothed interval between demands, in periods */
  interval: number | null
  /** periods since the last demand */
  since: number
}

export const CROSTON_ALPHA = 0.1

function step(s: CrostonState, y: number): CrostonState {
  const since = s.since + 1
  if (!(y > 0)) return { ...s, since }
  if (s.size === null || s.interval === null) return { ...s, size: y, interval: since, since: 0 }
  return {
    ...s,
    size: s.size + s.alpha * (y - s.size),
    interval: s.interval + s.alpha * (since - s.interval),
    since: 0,
  }
}

function crostonLike(name: "croston" | "sba"): Forecaster<CrostonState> {
  return {
    name,
    family: "intermittent",
    fit: (y) => {
      let s: CrostonState = { model: name, alpha: CROSTON_ALPHA, size: null, interval: null, since: 0 }
      for (const v of y) s = step(s, v)
      return s
    },
    update: step,
    predict: (s, h) => {
      const debias = name === "sba" ? 1 - s.alpha / 2 : 1
      const f = s.size === null || s.interval === null ? 0 : (debias * s.size) / s.interval
      return new Array(h).fill(f)
    },
  }
}

export const croston = crostonLike("croston")
export const sba = crostonLike("sba")
