import { median } from "../stats"
import type { Forecaster } from "../types"

/**
 * The median of the last `k` observations: a level that one-off spikes (a promotion, a bulk
 * order, a Christmas week left in the window) do not move. A mean carries such a spike into the
 * forecast for as long as it stays in its window; a median ignores it. It needs more points than
 * a mean to settle, so its window is a quarter of a year of weeks (13) where there is no season,
 * four seasons of days where there is a week.
 *
 * On jewelry's training data (weekly, rolling origins every 2 weeks, h = 13) the median of the
 * last 13 weeks scored MASE 1.52 against 1.91 for the mean of the last 4 (0.77 against 0.89
 * outside the Christmas weeks).
 */
export type WindowMedianState = { model: "window_median"; recent: number[] }

export function medianWindowLength(season: number, n: number): number {
  const k = season <= 1 ? 13 : season <= 7 ? 4 * season : season
  return Math.max(1, Math.min(k, n))
}

export const windowMedian: Forecaster<WindowMedianState> = {
  name: "window_median",
  family: "naive",
  fit: (y, ctx) => ({ model: "window_median", recent: y.slice(y.length - medianWindowLength(ctx.season, y.length)) }),
  // the window is kept whole (13 or 28 numbers), so an update stays O(1) in the history's length
  update: (s, y) => ({ model: "window_median", recent: s.recent.length === 0 ? [y] : [...s.recent.slice(1), y] }),
  predict: (s, h) => new Array(h).fill(median(s.recent)),
}
