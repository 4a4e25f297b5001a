import { labelHourMs } from "./hour-labels"
import { localClock } from "./local-clock"
import { prepareBuckets, type BucketsInput } from "./prepared"
import { HOUR_MS, inChannels, toIso, toMs } from "./time"
import type { ChannelFilter, Window } from "./types"

export type Granularity = "hour" | "day"

export type SeriesPoint = {
  /** first UTC hour of the point (a bucket key) */
  startUtc: string
  localDate: string
  /** "HH:mm" (with offset in the repeated autumn hour) for hours; the local date for days */
  label: string
  /** hours the point covers inside the window: 1 per hour; 23, 24 or 25 for a whole local day */
  hours: number
  orders: number
  units: number
  revenue: Record<string, number>
  fulfilments: number
  cancellations: number
  returns: number
}

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
  const startMs = Math.ceil(toMs(window.fromUtc) / HOUR_MS) * HOUR_MS
  const endMs = toMs(window.toUtc)
  const points: SeriesPoint[] = []
  const pointOfHour = new Map<number, SeriesPoint>()
  for (let ms = startMs; ms < endMs; ms += HOUR_MS) {
    const localDate = clock(ms).localDate
    let point = points[points.length - 1]
    if (granularity === "hour" || point === undefined || point.localDate !== localDate) {
      point = {
        startUtc: toIso(ms),
        localDate,
        label: granularity === "hour" ? labelHourMs(ms, clock).label : localDate,
        hours: 0,
        orders: 0,
        units: 0,
        revenue: {},
        fulfilments: 0,
        cancellations: 0,
        returns: 0,
      }
      points.push(point)
    }
    point.hours += 1
    pointOfHour.set(ms, point)
  }
  for (const { bucket: b, ms } of prepareBuckets(buckets).items) {
    const p = pointOfHour.get(ms)
    if (p === undefined || !inChannels(b.channelId, channels)) continue
    p.orders += b.orders
    p.units += b.units
    p.fulfilments += b.fulfilments
    p.cancellations += b.cancellations
    p.returns += b.returns
    for (const [currency, amount] of Object.entries(b.revenue)) p.revenue[currency] = (p.revenue[currency] ?? 0) + amount
  }
  return points
}
