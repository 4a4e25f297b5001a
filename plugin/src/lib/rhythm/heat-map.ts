import { hourOfWeekIndex, zoneOffsets } from "./local-clock"
import { percentile } from "./percentile"
import { HOUR_MS, inChannels, toMs } from "./time"
import { prepareBuckets, type BucketsInput } from "./prepared"
import type { ChannelFilter, Window } from "./types"
import type { HeatMeasure, HeatCell, HourOfWeek, HeatMap } from "../../../live-client/src/figures"
export type { HeatMeasure, HeatCell, HourOfWeek, HeatMap }

/**
 * Average per occurrence of each local hour-of-week. Occurrences are counted from the clock, not
 * from the buckets, so hours with no orders (buckets are sparse) still pull the average down.
 * DST falls out of counting UTC hours: the repeated autumn 02:00 is two occurrences of Sunday
 * 02:00, and the skipped spring 02:00 is none. The caller should start the window no earlier than
 * the data does (install or backfill date), or empty weeks will read as quiet ones.
 *
 * Peaks and troughs: cells whose average is at or above the (1 - q) quantile, or at or below the q
 * quantile, of all averages (q = 0.1 by default, so roughly the top and bottom 17 of 168 cells;
 * ties can add more). A relative cut adapts to any store size, unlike a fixed orders-per-hour
 * threshold. A peak must also lie above the trough cut and a trough below the peak cut, so a flat
 * week has neither, and a quiet store whose cells are mostly zero still shows its busy hours.
 */
export function hourOfWeekHeatMap(
  buckets: BucketsInput,
  window: Window,
  timezone: string,
  options: { channels?: ChannelFilter; measure?: HeatMeasure; quantile?: number } = {}
): HeatMap {
  return heatMapFromTotals(hourOfWeekTotals(buckets, window, timezone, options), window, timezone, options)
}

/**
 * The measure summed per local hour-of-week (index (ISO weekday - 1) * 24 + hour) over the
 * buckets of the window's whole hours: what the store can also sum itself, by the buckets'
 * local labels, so a long window costs 168 rows instead of every hour.
 */
export function hourOfWeekTotals(
  buckets: BucketsInput,
  window: Window,
  timezone: string,
  options: { channels?: ChannelFilter; measure?: HeatMeasure } = {}
): Float64Array {
  const measure = options.measure ?? "orders"
  const offsetAt = zoneOffsets(timezone)
  const { startMs, endMs } = heatMapHours(window)
  const totals = new Float64Array(168)
  for (const { bucket: b, ms } of prepareBuckets(buckets).items) {
    if (ms < startMs || ms >= endMs || !inChannels(b.channelId, options.channels)) continue
    totals[hourOfWeekIndex(ms, offsetAt(ms))] += b[measure]
  }
  return totals
}

/** The hours a heat map covers: the window's whole hours (one that starts before `from` is left out). */
export function heatMapHours(window: Window): { startMs: number; endMs: number } {
  return { startMs: Math.ceil(toMs(window.fromUtc) / HOUR_MS) * HOUR_MS, endMs: toMs(window.toUtc) }
}

/** The heat map from totals per hour-of-week (see hourOfWeekTotals); occurrences come from the clock. */
export function heatMapFromTotals(
  totals: ArrayLike<number>,
  window: Window,
  timezone: string,
  options: { measure?: HeatMeasure; quantile?: number } = {}
): HeatMap {
  const measure = options.measure ?? "orders"
  const q = options.quantile ?? 0.1
  const offsetAt = zoneOffsets(timezone)
  const { startMs, endMs } = heatMapHours(window)
  const occurrences = new Int32Array(168)
  for (let ms = startMs; ms < endMs; ms += HOUR_MS) occurrences[hourOfWeekIndex(ms, offsetAt(ms))] += 1
  const cells: HeatCell[][] = Array.from({ length: 7 }, (_, d) =>
    Array.from({ length: 24 }, (_, hour) => ({
      weekday: d + 1,
      hour,
      occurrences: occurrences[d * 24 + hour],
      total: totals[d * 24 + hour],
      average: null,
    }))
  )

  const averages: number[] = []
  for (const row of cells) {
    for (const c of row) {
      if (c.occurrences === 0) continue
      c.average = c.total / c.occurrences
      averages.push(c.average)
    }
  }
  const peak = percentile(averages, 1 - q)
  const trough = percentile(averages, q)
  const peaks: HourOfWeek[] = []
  const troughs: HourOfWeek[] = []
  if (peak !== null && trough !== null) {
    for (const row of cells) {
      for (const c of row) {
        if (c.average === null) continue
        if (c.average >= peak && c.average > trough) peaks.push({ weekday: c.weekday, hour: c.hour })
        if (c.average <= trough && c.average < peak) troughs.push({ weekday: c.weekday, hour: c.hour })
      }
    }
  }
  return { measure, cells, peaks, troughs, thresholds: { peak, trough } }
}
