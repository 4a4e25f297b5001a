import { median } from "../stats"
import type { CatalogueYearShape } from "../catalogue-year-shape"
import type { Forecaster } from "../types"
import { shrunkMedian, type ShrunkMedianState } from "./shrunk-median"

/**
 * The shrunk median's level, shaped week by week by what the catalogue did in the same weeks a
 * year earlier (`FitContext.catalogueYearShape`, see catalogue-year-shape.ts): jewelry's year has
 * a Christmas four times an ordinary week, a January slump and a Valentine's week, and a flat
 * level is wrong on every one of them, the worst where the errors are largest.
 *
 * Only the shape within the coming weeks is taken (the row over its own median), not the
 * catalogue's level change a year back: the first year's level change was mostly its launch
 * weeks fading (jewelry's year_before quarter: the raw ratios 0.87 0.93 ... 0.71), which says
 * nothing about the next year. And the shape is taken halfway (its square root): one year of
 * record is all there is, and a week that moved a year ago may not move the same way again.
 *
 * Jewelry's validation quarters (MASE / share better than naive, christmas / autumn / summer /
 * year_before): the shrunk median 1.283/100% 1.992/62% 0.684/74% 0.560/90%, this 1.013/100%
 * 1.473/99% 0.561/84% 0.490/94%. The raw ratios, halfway: 0.972/100% 1.433/97% 0.561/84%
 * 0.516/88%; the shape at power 0.75 / 1: 0.962 / 1.191 / 0.531 / 0.511, 1.128 / 1.008 / 0.537 /
 * 0.569 (bench/forecast-explore/jewelry-rules-12.ts).
 *
 * Without a row for n - period (less than a year of history, or no shape given) it is the shrunk
 * median itself. The state keeps the rows from its own origin a year back on, so an update (and a
 * backtest's walk) moves along the record in O(1).
 */
export type ShapedShrunkMedianState = { model: "shaped_shrunk_median"; inner: ShrunkMedianState; n: number; period: number; first: number; rows: number[][] }

/** The record's half power: one year of evidence, taken halfway toward no shape. */
export const SHAPE_POWER = 0.5

export function shapeMultipliers(row: readonly number[] | undefined, h: number, power = SHAPE_POWER): number[] {
  const ok = row && row.length > 0 && row.every((v) => Number.isFinite(v) && v > 0)
  const mid = ok ? median(row) : 0
  return Array.from({ length: h }, (_, k) => (ok && mid > 0 && k < row.length ? (row[k] / mid) ** power : 1))
}

function rowsFrom(shape: CatalogueYearShape | undefined, n: number) {
  if (!shape) return { period: 0, first: 0, rows: [] as number[][] }
  const first = Math.max(0, n - shape.period)
  return { period: shape.period, first, rows: shape.rows.slice(first) }
}

export const shapedShrunkMedian: Forecaster<ShapedShrunkMedianState> = {
  name: "shaped_shrunk_median",
  family: "seasonal",
  fit: (y, ctx) => ({ model: "shaped_shrunk_median", inner: shrunkMedian.fit(y, ctx), n: y.length, ...rowsFrom(ctx.catalogueYearShape, y.length) }),
  update: (s, y) => ({ ...s, inner: shrunkMedian.update(s.inner, y), n: s.n + 1 }),
  predict: (s, h) => {
    const level = shrunkMedian.predict(s.inner, 1)[0]
    const o = s.n - s.period
    const row = s.period > 0 && o >= 1 ? s.rows[o - s.first] : undefined
    return shapeMultipliers(row, h).map((m) => level * m)
  },
}
