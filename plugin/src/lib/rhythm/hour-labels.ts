import { DateTime } from "luxon"
import { formatOffset, localClock, type LocalClock } from "./local-clock"
import { HOUR_MS, toIso, toMs } from "./time"

export type HourLabel = {
  hourStartUtc: string
  localDate: string
  localHour: number
  /** ISO weekday: 1 = Monday ... 7 = Sunday */
  weekday: number
  /** "HH:mm", or "HH:mm +02:00" when the local hour happens twice (autumn DST) */
  label: string
  ambiguous: boolean
}

export function labelHour(hourStartUtc: string, timezone: string): HourLabel {
  return labelHourMs(toMs(hourStartUtc), localClock(timezone))
}

export function labelHourMs(ms: number, clock: LocalClock): HourLabel {
  const t = clock(ms)
  // The repeated autumn hour is recognisable by a neighbouring UTC hour that reads the same
  // local date and hour; both get their offset so a wall shows "02:00 +02:00" then "02:00 +01:00".
  const ambiguous = [ms - HOUR_MS, ms + HOUR_MS].some((n) => {
    const o = clock(n)
    return o.localDate === t.localDate && o.localHour === t.localHour
  })
  const hhmm = `${String(t.localHour).padStart(2, "0")}:${String(t.localMinute).padStart(2, "0")}`
  return {
    hourStartUtc: toIso(ms),
    localDate: t.localDate,
    localHour: t.localHour,
    weekday: t.weekday,
    label: ambiguous ? `${hhmm} ${formatOffset(t.offsetMinutes)}` : hhmm,
    ambiguous,
  }
}

/**
 * The UTC hours that make up one local day: 24 normally, 23 on the spring DST day, 25 in autumn.
 * Each entry is a bucket key (a UTC hour start). In zones with a half-hour offset the keys start
 * at hh:30 local, because buckets are cut on UTC hours.
 */
export function localHoursOfDay(localDate: string, timezone: string): HourLabel[] {
  const clock = localClock(timezone)
  const { startMs, endMs } = localDayBounds(localDate, timezone)
  const hours: HourLabel[] = []
  for (let ms = Math.ceil(startMs / HOUR_MS) * HOUR_MS; ms < endMs; ms += HOUR_MS) {
    hours.push(labelHourMs(ms, clock))
  }
  return hours
}

/** [start, end) of a local day as UTC milliseconds. */
export function localDayBounds(localDate: string, timezone: string): { startMs: number; endMs: number } {
  const start = DateTime.fromISO(localDate, { zone: timezone }).startOf("day")
  if (!start.isValid || start.toISODate() !== localDate) {
    throw new RangeError(`not a local date (yyyy-MM-dd) in ${timezone}: ${localDate}`)
  }
  return { startMs: start.toMillis(), endMs: start.plus({ days: 1 }).startOf("day").toMillis() }
}

/** The local date of an instant, in the store's zone. */
export function localDateOf(utcMs: number, timezone: string): string {
  return localClock(timezone)(utcMs).localDate
}
