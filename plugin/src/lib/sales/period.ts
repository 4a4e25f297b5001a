import { DateTime } from "luxon"

/**
 * A sales period: a month, a quarter or custom days, always whole local days in the store's
 * zone. Its edges are the local midnights, so a month in Asia/Shanghai starts at 16:00 UTC the
 * day before, and a period across a DST change is 743 or 745 hours long, not 744.
 */
export type PeriodKind = "month" | "quarter" | "custom"

export type Period = {
  id: string
  kind: PeriodKind
  /** first local day, yyyy-MM-dd */
  start: string
  /** last local day, inclusive */
  end: string
  timezone: string
}

export type PeriodEdges = { startMs: number; endMs: number }

const DAY_MS = 86_400_000

/** Days since 1970-01-01 of a local date: calendar arithmetic without a zone. */
export function dayNumber(localDate: string): number {
  let day = dayNumbers.get(localDate)
  if (day === undefined) {
    day = Date.UTC(+localDate.slice(0, 4), +localDate.slice(5, 7) - 1, +localDate.slice(8, 10)) / DAY_MS
    if (dayNumbers.size < 100_000) dayNumbers.set(localDate, day)
  }
  return day
}

// The same few hundred dates are asked for on every recompute.
const dayNumbers = new Map<string, number>()

export function dateOfDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}

/** The month that holds a local date ("2026-12" -> 2026-12-01 .. 2026-12-31). */
export function monthPeriod(yearMonth: string, timezone: string): Period {
  const first = DateTime.fromISO(`${yearMonth}-01`, { zone: "UTC" })
  if (!first.isValid) throw new RangeError(`not a month: ${yearMonth}`)
  return { id: yearMonth, kind: "month", start: first.toISODate()!, end: first.endOf("month").toISODate()!, timezone }
}

/** A calendar quarter ("2026-Q4" -> 2026-10-01 .. 2026-12-31). */
export function quarterPeriod(yearQuarter: string, timezone: string): Period {
  const m = /^(\d{4})-Q([1-4])$/.exec(yearQuarter)
  if (!m) throw new RangeError(`not a quarter: ${yearQuarter}`)
  const first = DateTime.fromObject({ year: +m[1], month: (+m[2] - 1) * 3 + 1, day: 1 }, { zone: "UTC" })
  return { id: yearQuarter, kind: "quarter", start: first.toISODate()!, end: first.plus({ months: 3 }).minus({ days: 1 }).toISODate()!, timezone }
}

export function customPeriod(id: string, start: string, end: string, timezone: string): Period {
  if (dayNumber(end) < dayNumber(start)) throw new RangeError(`period ${id} ends before it starts`)
  return { id, kind: "custom", start, end, timezone }
}

/** The period of a kind that holds an instant, in the store's zone. */
export function periodAt(kind: "month" | "quarter", utcMs: number, timezone: string): Period {
  const local = DateTime.fromMillis(utcMs, { zone: timezone })
  return kind === "month" ? monthPeriod(local.toFormat("yyyy-MM"), timezone) : quarterPeriod(`${local.year}-Q${local.quarter}`, timezone)
}

/** The instants a period starts at and ends before: local midnights in its zone. */
export function periodEdges(period: Period): PeriodEdges {
  return { startMs: localMidnight(period.start, period.timezone), endMs: localMidnight(nextDate(period.end), period.timezone) }
}

export function localMidnight(localDate: string, timezone: string): number {
  const t = DateTime.fromISO(localDate, { zone: timezone }).startOf("day")
  if (!t.isValid) throw new RangeError(`bad date or zone: ${localDate} ${timezone}`)
  return t.toMillis()
}

export function nextDate(localDate: string): string {
  return dateOfDayNumber(dayNumber(localDate) + 1)
}

/** Calendar days in a period. */
export function periodDays(period: Pick<Period, "start" | "end">): number {
  return dayNumber(period.end) - dayNumber(period.start) + 1
}

export function inPeriod(localDate: string, period: Pick<Period, "start" | "end">): boolean {
  return localDate >= period.start && localDate <= period.end
}

/** Whether two periods share at least one day. */
export function periodsOverlap(a: Pick<Period, "start" | "end">, b: Pick<Period, "start" | "end">): boolean {
  return a.start <= b.end && b.start <= a.end
}

/** The local date of an instant in a zone. */
export function localDateAt(utcMs: number, timezone: string): string {
  return DateTime.fromMillis(utcMs, { zone: timezone }).toISODate()!
}
