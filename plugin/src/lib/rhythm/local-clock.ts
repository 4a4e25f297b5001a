import { IANAZone } from "luxon"

// Reading a zone's offset goes through Intl and costs microseconds; a year of hourly buckets
// would spend most of the rhythm API's 20 ms budget on it. Offsets change at most a few times a
// year, so we ask once per UTC day and only fall back to per-instant lookups on the days where
// the offset at the day's start differs from the next day's start (a DST change inside the day).

const DAY_MS = 86_400_000

export type LocalTime = {
  /** yyyy-MM-dd in the store's zone */
  localDate: string
  /** 0-23 */
  localHour: number
  localMinute: number
  /** ISO weekday: 1 = Monday ... 7 = Sunday */
  weekday: number
  offsetMinutes: number
}

export type LocalClock = (utcMs: number) => LocalTime

/**
 * Per zone, per UTC day: the offset all day long, or null when it changes within the day. Kept
 * for the process: each request would otherwise ask Intl twice for every day of its window
 * (milliseconds for a year). Bounded by the days anyone asks about (a few thousand).
 */
const steadyOffsetsByZone = new Map<string, Map<number, number | null>>()

/** Offset of the zone from UTC in minutes at an instant, memoised per UTC day. */
export function zoneOffsets(timezone: string): (utcMs: number) => number {
  const zone = IANAZone.create(timezone)
  if (!zone.isValid) throw new RangeError(`unknown time zone: ${timezone}`)
  const steadyOffsetByDay = steadyOffsetsByZone.get(timezone) ?? new Map<number, number | null>()
  steadyOffsetsByZone.set(timezone, steadyOffsetByDay)

  let lastDay = NaN
  let lastSteady: number | null = null
  const offsetAt = (ms: number): number => {
    const day = Math.floor(ms / DAY_MS)
    if (day !== lastDay) {
      let steady = steadyOffsetByDay.get(day)
      if (steady === undefined) {
        const atStart = zone.offset(day * DAY_MS)
        steady = atStart === zone.offset((day + 1) * DAY_MS) ? atStart : null
        steadyOffsetByDay.set(day, steady)
      }
      lastDay = day
      lastSteady = steady
    }
    return lastSteady ?? zone.offset(ms)
  }
  return offsetAt
}

export function localClock(timezone: string): LocalClock {
  const offsetAt = zoneOffsets(timezone)
  return (utcMs) => {
    const offsetMinutes = offsetAt(utcMs)
    const wall = new Date(utcMs + offsetMinutes * 60_000)
    return {
      localDate: `${wall.getUTCFullYear()}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}`,
      localHour: wall.getUTCHours(),
      localMinute: wall.getUTCMinutes(),
      weekday: ((wall.getUTCDay() + 6) % 7) + 1,
      offsetMinutes,
    }
  }
}

export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? "-" : "+"
  const abs = Math.abs(offsetMinutes)
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n)
}

/** Local hour-of-week index, (weekday - 1) * 24 + hour, by arithmetic alone: the heat map's inner loop. */
export function hourOfWeekIndex(utcMs: number, offsetMinutes: number): number {
  const wallHours = Math.floor((utcMs + offsetMinutes * 60_000) / 3_600_000)
  const day = Math.floor(wallHours / 24)
  // 1970-01-01 was a Thursday (ISO weekday 4, index 3)
  const weekdayIndex = (((day + 3) % 7) + 7) % 7
  return weekdayIndex * 24 + (wallHours - day * 24)
}
