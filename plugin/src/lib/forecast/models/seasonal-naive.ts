import type { Forecaster } from "../types"

/** Next Monday as last Monday. `recent` holds the last season, oldest first. */
export type SeasonalNaiveState = { model: "seasonal_naive"; recent: number[] }

export const seasonalNaive: Forecaster<SeasonalNaiveState> = {
  name: "seasonal_naive",
  family: "seasonal",
  applicable: (n, ctx) => ctx.season > 1 && n >= ctx.season,
  fit: (y, ctx) => {
    const m = Math.max(1, Math.min(ctx.season, y.length))
    return { model: "seasonal_naive", recent: y.length ? y.slice(y.length - m) : [0] }
  },
  update: (s, y) => ({ ...s, recent: [...s.recent.slice(1), y] }),
  predict: (s, h) => Array.from({ length: h }, (_, k) => s.recent[k % s.recent.length]),
}
