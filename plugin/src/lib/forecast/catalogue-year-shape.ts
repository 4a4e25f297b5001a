/**
 * What the catalogue's weeks did after each origin, relative to the level an item's own rule gave
 * at that origin: `rows[o][k]` = the median over items of y(o + k) / level(y before o), k = 0..h-1.
 * Read a year later (at n = o + period) it is the catalogue's own record of the coming weeks: the
 * Christmas peak, the January slump, Valentine's week, and also how far the level rule misread
 * the season then (a median taken in the run-up to Christmas overshoots the winter after it).
 *
 * A single item's year-back weeks are mostly noise; the median over a few hundred items is not,
 * and one big item's spike does not move it. Row o reads weeks up to o + h - 1 only, and a
 * forecast made at n reads row n - period, so nothing it reads lies after n - period + h.
 *
 * The level is the shrunk median's (models/shrunk-median.ts: the last 13 weeks' median moved
 * toward the year's), at every origin as that model computes it from the weeks before.
 */
import { median } from "./stats"
import { shrunkMedianLevel } from "./models/shrunk-median"
import { medianWindowLength } from "./models/window-median"

export type CatalogueYearShape = { period: number; rows: number[][] }

export function catalogueYearShape(series: readonly (readonly number[])[], horizon: number, period: number): CatalogueYearShape {
  const n = Math.max(0, ...series.map((s) => s.length))
  const block = medianWindowLength(1, Number.POSITIVE_INFINITY)
  const rows: number[][] = [[]]
  for (let o = 1; o + horizon <= n; o++) {
    const levels = series.map((y) => (y.length >= o + horizon ? shrunkMedianLevel(y.slice(Math.max(0, o - 4 * block), o), Math.min(block, o), block) : NaN))
    rows.push(
      Array.from({ length: horizon }, (_, k) => {
        const ratios = series.map((y, i) => y[o + k] / levels[i]).filter(Number.isFinite)
        return ratios.length ? median(ratios) : NaN
      })
    )
  }
  return { period, rows }
}
