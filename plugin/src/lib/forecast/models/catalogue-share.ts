import type { Forecaster } from "../types"

/**
 * Top-down: the item's mean over its whole history (steady, noise averaged out) moved to the
 * catalogue's current level (`FitContext.catalogueLevel`, see catalogue-level.ts). On noisy daily
 * SKUs it keeps what makes the history's mean hard to beat and adds the one thing it misses, that
 * the whole shop got busier or quieter. Pizza's validation window: 0.786 against the engine's
 * 0.792; rolling origins every 14 days from day 197 to 309: 0.779 against 0.784.
 *
 * The ratio is the one known when the model was fitted; between refits it is held (an update
 * only adds the day to the item's mean), so a backtest scores it as stale as it really gets.
 */
export type CatalogueShareState = { model: "catalogue_share"; sum: number; count: number; level: number }

export const catalogueShare: Forecaster<CatalogueShareState> = {
  name: "catalogue_share",
  family: "naive",
  fit: (y, ctx) => {
    const path = ctx.catalogueLevel
    const level = path && y.length > 0 && path.length >= y.length ? path[y.length - 1] : 1
    return { model: "catalogue_share", sum: y.reduce((a, b) => a + b, 0), count: y.length, level: Number.isFinite(level) && level > 0 ? level : 1 }
  },
  update: (s, y) => ({ ...s, sum: s.sum + y, count: s.count + 1 }),
  predict: (s, h) => new Array(h).fill(s.count ? (s.sum / s.count) * s.level : 0),
}
