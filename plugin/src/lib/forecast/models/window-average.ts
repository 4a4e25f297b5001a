import type { Forecaster } from "../types"

/**
 * The mean of the last `k` observations. The window is a whole number of seasons where there is a
 * season (so weekday mix does not bias it), otherwise four periods: the "mean of the last 4 weeks"
 * that is the strong benchmark on weekly retail items.
 */
export type WindowAverageState = { model: "window_average"; recent: number[]; sum: number }

export function windowLength(season: number, n: number): number {
  const k = season <= 1 ? 4 : season <= 7 ? 4 * season : season >= 28 ? 4 : season
  return Math.max(1, Math.min(k, n))
}

export const windowAverage: Forecaster<WindowAverageState> = {
  name: "window_average",
  family: "naive",
  fit: (y, ctx) => {
    const recent = y.slice(y.length - windowLength(ctx.season, y.length))
    return { model: "window_average", recent, sum: recent.reduce((a, b) => a + b, 0) }
  },
  update: (s, y) => {
    if (s.recent.length === 0) return { ...s, recent: [y], sum: y }
    // re-sum instead of a running sum, so rounding error cannot creep in over years of updates
    const recent = [...s.recent.slice(1), y]
    return { ...s, recent, sum: recent.reduce((a, b) => a + b, 0) }
  },
  predict: (s, h) => new Array(h).fill(s.recent.length ? s.sum / s.recent.length : 0),
}
