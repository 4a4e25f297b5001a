import { localHoursOfDay, shiftLocalDate, type HourLabel } from "./hour-labels"
import { percentile } from "./percentile"
import { prepareBuckets, type BucketsInput } from "./prepared"
import { inChannels, toMs } from "./time"
import type { ChannelFilter } from "./types"

export type ExpectedHour = {
  /** the bucket key this expectation is for */
  hourStartUtc: string
  expected: number
  lo: number
  hi: number
  /** how many past observations it rests on, when the curve knows */
  samples?: number
}

/**
 * What intake a local day should see, hour by hour. The seasonal profile below is the stand-in;
 * the demand forecasts supply another function of the same shape and nothing else changes.
 */
export type ExpectedCurve = (localDate: string, timezone: string) => ExpectedHour[]

export type SeasonalProfileOptions = {
  /** past weeks to learn from; 8 by default */
  weeks?: number
  channels?: ChannelFilter
  measure?: "orders" | "units"
  /**
   * First instant the aggregates are complete from (install or backfill start). Hours before it
   * are left out instead of read as zero-order hours. Defaults to the earliest bucket.
   */
  coverageStartUtc?: string
}

// z for the 10th/90th percentile of a normal, used for the Poisson floor of the band.
const Z90 = 1.2815515655446004

/**
 * Expected = mean of the same local weekday-hour over the past N weeks. Band = the 10th to 90th
 * percentile of those weeks (linear interpolation), rather than mean +/- z*sd: hourly counts are
 * small and skewed, and a symmetric band would dip below zero in quiet hours and be pulled wide
 * by one sale week. With orders (a count) the band is widened to at least the Poisson band
 * mean +/- 1.28*sqrt(mean): when the past weeks happen to agree, the spread of 8 numbers
 * understates how much a normal hour varies, and a zero-width band would flag every hour.
 *
 * DST: weeks are stepped in local time (same weekday, same wall-clock hour). A past autumn day's
 * repeated hour counts as the mean of its two hours; a past spring day contributes nothing to
 * the 02:00 it skipped; on today's autumn day both 02:00 hours get the 02:00 profile.
 */
export function seasonalProfileCurve(buckets: BucketsInput, options: SeasonalProfileOptions = {}): ExpectedCurve {
  const weeks = options.weeks ?? 8
  const measure = options.measure ?? "orders"
  const items = prepareBuckets(buckets).items
  let coverageMs = Infinity
  if (options.coverageStartUtc !== undefined) coverageMs = toMs(options.coverageStartUtc)
  else for (const { bucket: b, ms } of items) if (ms < coverageMs && inChannels(b.channelId, options.channels)) coverageMs = ms

  return (localDate, timezone) => {
    const pastDays: (readonly HourLabel[])[] = []
    for (let k = 1; k <= weeks; k++) pastDays.push(localHoursOfDay(shiftLocalDate(localDate, -7 * k), timezone))
    // Only the hours of the N past days matter: index those, not the whole history.
    const byHour = new Map<number, number>()
    for (const h of pastDays.flat()) byHour.set(toMs(h.hourStartUtc), 0)
    for (const { bucket: b, ms } of items) {
      const sum = byHour.get(ms)
      if (sum !== undefined && inChannels(b.channelId, options.channels)) byHour.set(ms, sum + b[measure])
    }

    const pastByLocalHour = new Map<number, number[]>()
    for (const hours of pastDays) {
      const perHour = new Map<number, number[]>()
      for (const h of hours) {
        const ms = toMs(h.hourStartUtc)
        if (ms < coverageMs) continue
        push(perHour, h.localHour, byHour.get(ms) ?? 0)
      }
      for (const [hour, vs] of perHour) push(pastByLocalHour, hour, mean(vs))
    }
    return localHoursOfDay(localDate, timezone).map((h) => {
      const values = pastByLocalHour.get(h.localHour) ?? []
      if (values.length === 0) return { hourStartUtc: h.hourStartUtc, expected: 0, lo: 0, hi: 0, samples: 0 }
      const expected = mean(values)
      let lo = percentile(values, 0.1) as number
      let hi = percentile(values, 0.9) as number
      if (measure === "orders") {
        const poisson = Z90 * Math.sqrt(expected)
        lo = Math.min(lo, Math.max(0, expected - poisson))
        hi = Math.max(hi, expected + poisson)
      }
      return { hourStartUtc: h.hourStartUtc, expected, lo, hi, samples: values.length }
    })
  }
}

function push(m: Map<number, number[]>, k: number, v: number): void {
  const list = m.get(k)
  if (list) list.push(v)
  else m.set(k, [v])
}

function mean(vs: readonly number[]): number {
  return vs.reduce((s, v) => s + v, 0) / vs.length
}
