import type { ExpectedCurve } from "./expected-curve"
import { localHoursOfDay } from "./hour-labels"
import { localClock } from "./local-clock"
import { HOUR_MS, inChannels, toMs } from "./time"
import { prepareBuckets, type BucketsInput } from "./prepared"
import type { ChannelFilter } from "./types"
import type { TodayHour, TodayIntake } from "../../../live-client/src/figures"
export type { TodayHour, TodayIntake }

/** Today's (local) intake per hour against the expected curve, with running totals. */
export function todayIntake(
  buckets: BucketsInput,
  nowUtc: string,
  timezone: string,
  curve: ExpectedCurve,
  options: { channels?: ChannelFilter; measure?: "orders" | "units" } = {}
): TodayIntake {
  const measure = options.measure ?? "orders"
  const nowMs = toMs(nowUtc)
  const localDate = localClock(timezone)(nowMs).localDate
  const hours = localHoursOfDay(localDate, timezone)
  const firstMs = hours.length ? toMs(hours[0].hourStartUtc) : 0
  const endMs = firstMs + hours.length * HOUR_MS

  const actualByHour = new Map<number, number>()
  for (const { bucket: b, ms } of prepareBuckets(buckets).items) {
    if (ms < firstMs || ms >= endMs || !inChannels(b.channelId, options.channels)) continue
    actualByHour.set(ms, (actualByHour.get(ms) ?? 0) + b[measure])
  }
  const expectedByHour = new Map(curve(localDate, timezone).map((e) => [toMs(e.hourStartUtc), e]))

  let cumActual = 0
  let cumExpected = 0
  let expectedSoFar = 0
  const rows: TodayHour[] = hours.map((h) => {
    const ms = toMs(h.hourStartUtc)
    const e = expectedByHour.get(ms)
    const expected = e?.expected ?? 0
    const lo = e?.lo ?? 0
    const hi = e?.hi ?? 0
    const state = ms + HOUR_MS <= nowMs ? "past" : ms <= nowMs ? "current" : "future"
    const actual = state === "future" ? null : actualByHour.get(ms) ?? 0
    cumExpected += expected
    if (actual !== null) cumActual += actual
    if (state === "past") expectedSoFar += expected
    if (state === "current") expectedSoFar += (expected * (nowMs - ms)) / HOUR_MS
    const outside = state !== "past" || actual === null ? null : actual > hi ? "above" : actual < lo ? "below" : null
    return {
      hourStartUtc: h.hourStartUtc,
      localHour: h.localHour,
      label: h.label,
      state,
      actual,
      expected,
      lo,
      hi,
      outside,
      cumActual: actual === null ? null : cumActual,
      cumExpected,
    }
  })
  return {
    localDate,
    hours: rows,
    soFar: { actual: cumActual, expected: expectedSoFar, ratio: expectedSoFar > 0 ? cumActual / expectedSoFar : null },
  }
}
