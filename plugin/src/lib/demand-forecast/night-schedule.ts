/**
 * When the forecast work is due. Medusa's cron runs in the process's zone (usually UTC), so the
 * job fires every hour and asks this: is it the store's night, and has tonight's work been done?
 * Selection (the expensive contest) runs one night a week, the refit with the chosen models every
 * other night. A store that has never selected does so at once, not up to a week later.
 */
import { DateTime } from "luxon"
import { daysBetween } from "./daily-series"

export type NightSchedule = {
  /** local hour the night's work may start (0-23) */
  nightHour: number
  /** how many hours after it the work may still start (a process down at 03:00 catches up) */
  windowHours: number
  /** ISO weekday of the selection night, 1 = Monday ... 7 = Sunday */
  selectionWeekday: number
}

/** The local dates the work was last done for (the night's date, not the hour it finished). */
export type ScheduleState = { selectedOn?: string | null; refitOn?: string | null }

export type ForecastWorkDue = {
  /** the local date of the night `now` falls in, or null outside the night window */
  night: string | null
  select: boolean
  refit: boolean
}

/**
 * The night `now` belongs to: the local date whose `nightHour` the window starts at. The start is
 * taken on the local clock (a skipped spring hour starts at the next real one) and the window is
 * measured in real hours, so a DST night neither skips the work nor runs it twice.
 */
export function nightOf(now: Date, timezone: string, schedule: NightSchedule): string | null {
  const local = DateTime.fromJSDate(now, { zone: timezone })
  for (const day of [local.startOf("day"), local.startOf("day").minus({ days: 1 })]) {
    const start = day.set({ hour: schedule.nightHour, minute: 0, second: 0, millisecond: 0 })
    const elapsedMs = now.getTime() - start.toMillis()
    if (elapsedMs >= 0 && elapsedMs < schedule.windowHours * 3_600_000) return day.toISODate()
  }
  return null
}

export function forecastWorkDue(now: Date, timezone: string, schedule: NightSchedule, state: ScheduleState): ForecastWorkDue {
  const night = nightOf(now, timezone, schedule)
  if (!state.selectedOn) return { night, select: true, refit: false }
  if (!night) return { night, select: false, refit: false }
  const weekday = DateTime.fromISO(night, { zone: timezone }).weekday
  const select =
    state.selectedOn !== night && (weekday === schedule.selectionWeekday || daysBetween(state.selectedOn, night) >= 7)
  const refit = !select && state.selectedOn !== night && state.refitOn !== night
  return { night, select, refit }
}
