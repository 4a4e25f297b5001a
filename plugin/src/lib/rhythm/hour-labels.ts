import { DateTime } from "luxon"
import { formatOffset, localClock, type LocalClock, type LocalTime } from "./local-clock"
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

/** "HH:mm" of a local time. */
const hhmm = (t: LocalTime) => `${String(t.localHour).padStart(2, "0")}:${String(t.localMinute).padStart(2, "0")}`

export function labelHourMs(ms: number, clock: LocalClock): HourLabel {
  const t = clock(ms)
  // The repeated autumn hour is recognisable by a neighbouring UTC hour that reads the same
  // local date and hour; both get their offset so a wall shows "02:00 +02:00" then "02:00 +01:00".
  const ambiguous = [ms - HOUR_MS, ms + HOUR_MS].some((n) => {
    const o = clock(n)
    return o.localDate === t.localDate && o.localHour === t.localHour
  })
  const clockText = hhmm(t)
  return {
    hourStartUtc: toIso(ms),
    localDate: t.localDate,
    localHour: t.localHour,
    weekday: t.weekday,
    label: ambiguous ? `${clockText} ${formatOffset(t.offsetMinutes)}` : clockText,
    ambiguous,
  }
}

/**
 * The label alone ("HH:mm", with the offset in the repeated autumn hour), as labelHourMs gives it,
 * from the local time already read for `ms`: a year by the hour labels 8,760 of them. Only
 * where the offset an hour before differs from the one an hour after can a neighbour share the
 * local hour; elsewhere the neighbours need no reading.
 */
export function hourLabelText(ms: number, local: LocalTime, clock: LocalClock, offsetAt: (utcMs: number) => number): string {
  return offsetAt(ms - HOUR_MS) !== offsetAt(ms + HOUR_MS) ? labelHourMs(ms, clock).label : hhmm(local)
}

/**
 * The UTC hours that make up one local day: 24 normally, 23 on the spring DST day, 25 in autumn.
 * Each entry is a bucket key (a UTC hour start). In zones with a half-hour offset the keys start
 * at hh:30 local, because buckets are cut on UTC hours. Shared and frozen: every rhythm report and
 * wall recount asks for today and the same weekday of the past eight weeks, and building those
 * nine days through luxon (about 0.1 ms each) was a sixth of a report's own CPU.
 */
export function localHoursOfDay(localDate: string, timezone: string): readonly HourLabel[] {
  return remembered(hoursOfDay, localDate, timezone, () => {
    const clock = localClock(timezone)
    const { startMs, endMs } = localDayBounds(localDate, timezone)
    const hours: HourLabel[] = []
    for (let ms = Math.ceil(startMs / HOUR_MS) * HOUR_MS; ms < endMs; ms += HOUR_MS) {
      hours.push(Object.freeze(labelHourMs(ms, clock)))
    }
    return Object.freeze(hours)
  })
}

/** [start, end) of a local day as UTC milliseconds. */
export function localDayBounds(localDate: string, timezone: string): Readonly<{ startMs: number; endMs: number }> {
  return remembered(dayBounds, localDate, timezone, () => {
    const start = DateTime.fromISO(localDate, { zone: timezone }).startOf("day")
    if (!start.isValid || start.toISODate() !== localDate) {
      throw new RangeError(`not a local date (yyyy-MM-dd) in ${timezone}: ${localDate}`)
    }
    return Object.freeze({ startMs: start.toMillis(), endMs: start.plus({ days: 1 }).startOf("day").toMillis() })
  })
}

/**
 * The local date `days` calendar days after `localDate` (negative: before). Calendar arithmetic
 * needs no zone: the same weekday a week back is seven days back wherever the store is.
 */
export function shiftLocalDate(localDate: string, days: number): string {
  const match = LOCAL_DATE.exec(localDate)
  if (!match) throw new RangeError(`not a local date (yyyy-MM-dd): ${localDate}`)
  const [year, month, day] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])]
  if (new Date(Date.UTC(year, month, day)).toISOString().slice(0, 10) !== localDate) throw new RangeError(`not a calendar date: ${localDate}`)
  const shifted = new Date(Date.UTC(year, month, day + days))
  if (shifted.getUTCFullYear() < 1000 || shifted.getUTCFullYear() > 9999) throw new RangeError(`${localDate} shifted by ${days} days leaves the years 1000-9999`)
  return shifted.toISOString().slice(0, 10)
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

// Per zone and local date; a zone's rules do not change while the process runs. A process asks
// about a new day or two a day (today, and the same weekday of past weeks), so the maps are
// emptied past MAX_REMEMBERED_DAYS (about 20 MB of labels at most) rather than kept as an LRU.
const MAX_REMEMBERED_DAYS = 4096
const hoursOfDay = new Map<string, readonly HourLabel[]>()
const dayBounds = new Map<string, Readonly<{ startMs: number; endMs: number }>>()

function remembered<T>(memo: Map<string, T>, localDate: string, timezone: string, make: () => T): T {
  const key = `${timezone} ${localDate}`
  let value = memo.get(key)
  if (value === undefined) {
    value = make()
    if (memo.size >= MAX_REMEMBERED_DAYS) memo.clear()
    memo.set(key, value)
  }
  return value
}

/** The local date of an instant, in the store's zone. */
export function localDateOf(utcMs: number, timezone: string): string {
  return localClock(timezone)(utcMs).localDate
}
