import { hourLabelText } from "./hour-labels"
import { localClock, zoneOffsets } from "./local-clock"
import { prepareBuckets, type BucketsInput } from "./prepared"
import { HOUR_MS, inChannels, toIsoHour, toMs } from "./time"

const DAY_MS = 86_400_000
import type { ChannelFilter, Window } from "./types"
import type { SeriesPoint } from "../../../live-client/src/figures"
export type { SeriesPoint }

export type Granularity = "hour" | "day"

/**
 * The counters over a window as a series of local hours or local days, zeros included, so a
 * chart needs no gap-filling. Days are the store's days, cut in its zone (23 or 25 hours across
 * DST); each point says how many hours it covers so per-hour rates stay honest.
 */
export function rhythmSeries(
  buckets: BucketsInput,
  window: Window,
  timezone: string,
  granularity: Granularity,
  channels?: ChannelFilter
): SeriesPoint[] {
  const clock = localClock(timezone)
  const offsetAt = zoneOffsets(timezone)
  const startMs = Math.ceil(toMs(window.fromUtc) / HOUR_MS) * HOUR_MS
  const endMs = toMs(window.toUtc)
  const points: SeriesPoint[] = []
  // Per hour of the window, its point: a year is 8,760 hours, so the loop only does arithmetic
  // and asks the clock for a date once per new point.
  const pointOfHour = new Int32Array(Math.max(0, Math.ceil((endMs - startMs) / HOUR_MS)))
  let lastDay = NaN
  for (let ms = startMs, i = 0; ms < endMs; ms += HOUR_MS, i++) {
    const localDay = Math.floor((ms + offsetAt(ms) * 60_000) / DAY_MS)
    let point = points[points.length - 1]
    if (granularity === "hour" || point === undefined || localDay !== lastDay) {
      const local = clock(ms)
      point = {
        startUtc: toIsoHour(ms),
        localDate: local.localDate,
        label: granularity === "hour" ? hourLabelText(ms, local, clock, offsetAt) : local.localDate,
        hours: 0,
        orders: 0,
        units: 0,
        revenue: {},
        fulfilments: 0,
        cancellations: 0,
        returns: 0,
      }
      points.push(point)
      lastDay = localDay
    }
    point.hours += 1
    pointOfHour[i] = points.length - 1
  }
  for (const { bucket: b, ms } of prepareBuckets(buckets).items) {
    if (ms < startMs || ms >= endMs || (ms - startMs) % HOUR_MS !== 0 || !inChannels(b.channelId, channels)) continue
    const p = points[pointOfHour[(ms - startMs) / HOUR_MS]]
    p.orders += b.orders
    p.units += b.units
    p.fulfilments += b.fulfilments
    p.cancellations += b.cancellations
    p.returns += b.returns
    for (const [currency, amount] of Object.entries(b.revenue)) p.revenue[currency] = (p.revenue[currency] ?? 0) + amount
  }
  return points
}
