import { DateTime } from "luxon"
import { SPRING_FESTIVAL, STORE_ZONE } from "./store-calendar"

export { STORE_ZONE }

/**
 * The demo store's rhythm: how many orders to expect in a given hour of the store's own
 * time. One curve drives both the year of history and the live simulator, so the traffic
 * the wall sees after seeding continues the shape the heat map learned.
 *
 * The shape is a Chinese coffee-and-tea web shop's: a lunch peak and a larger evening
 * peak, busier Fridays and Saturdays, a winter high and a summer low, the shopping festivals
 * (520, 618, Double 11, Double 12) as spikes with their run-up, the Spring Festival lull when
 * couriers stop, and a year of growth.
 */
/** Orders on an ordinary day at the end of the history, before weekday and season. */
export const ORDERS_PER_DAY_NOW = 52
/** Growth over the past year: a day a year ago saw 1 / (1 + GROWTH) of today's orders. */
export const GROWTH_PER_YEAR = 0.45

/** Share of a day's orders in each local hour 0..23, weekdays and weekends. */
const WEEKDAY_HOURS = normalise([
  0.8, 0.4, 0.2, 0.15, 0.15, 0.25, 0.6, 1.4, 2.6, 3.4, 3.8, 4.6, 7.6, 7.0, 4.4, 3.8, 4.0, 4.4, 5.2, 6.6, 8.8, 9.6, 7.8, 3.6,
])
const WEEKEND_HOURS = normalise([
  1.2, 0.7, 0.35, 0.2, 0.15, 0.2, 0.35, 0.8, 1.6, 2.8, 4.0, 4.8, 6.2, 6.0, 5.2, 5.0, 5.0, 5.0, 5.2, 6.4, 8.4, 9.4, 8.2, 4.6,
])
/** Monday..Sunday (luxon's weekday 1..7). */
const WEEKDAY_FACTOR = [0.93, 0.95, 0.97, 1.0, 1.1, 1.12, 0.93]

type Festival = { month: number; day: number; peak: number; runUpDays: number }
const FESTIVALS: Festival[] = [
  { month: 5, day: 20, peak: 1.6, runUpDays: 2 }, // 520
  { month: 6, day: 18, peak: 3.2, runUpDays: 10 }, // 618
  { month: 11, day: 11, peak: 5.0, runUpDays: 10 }, // Double 11
  { month: 12, day: 12, peak: 2.4, runUpDays: 4 }, // Double 12
]

/** Expected orders in the local hour that starts at `hour` (any zone; read in the store's). */
export function expectedOrdersInHour(hour: DateTime, now: DateTime = DateTime.now()): number {
  const local = hour.setZone(STORE_ZONE)
  return expectedOrdersOnDay(local, now) * hourShare(local)
}

/** Expected orders over the local day that holds `day`. */
export function expectedOrdersOnDay(day: DateTime, now: DateTime = DateTime.now()): number {
  const local = day.setZone(STORE_ZONE).startOf("day")
  return (
    ORDERS_PER_DAY_NOW *
    trend(local, now) *
    WEEKDAY_FACTOR[local.weekday - 1] *
    season(local) *
    festival(local) *
    springFestival(local)
  )
}

export function hourShare(local: DateTime): number {
  const hours = local.weekday >= 6 ? WEEKEND_HOURS : WEEKDAY_HOURS
  return hours[local.hour]
}

function trend(day: DateTime, now: DateTime): number {
  const yearsAgo = Math.max(0, now.diff(day, "days").days / 365.25)
  return 1 / (1 + GROWTH_PER_YEAR * yearsAgo)
}

/** Hot drinks sell best in winter: +15% in mid-January, -15% in mid-July. */
function season(day: DateTime): number {
  return 1 + 0.15 * Math.cos((2 * Math.PI * (day.ordinal - 15)) / 365.25)
}

/** Festival days and their run-up; the day after a big one is quiet (baskets already full). */
function festival(day: DateTime): number {
  let factor = 1
  for (const f of FESTIVALS) {
    const date = DateTime.fromObject({ year: day.year, month: f.month, day: f.day }, { zone: STORE_ZONE })
    const daysBefore = Math.round(date.diff(day, "days").days)
    if (daysBefore === 0) {
      factor *= f.peak
    } else if (daysBefore > 0 && daysBefore <= f.runUpDays) {
      factor *= 1 + ((f.peak - 1) * 0.25 * (f.runUpDays - daysBefore + 1)) / f.runUpDays
    } else if (daysBefore === -1 || daysBefore === -2) {
      factor *= 0.8
    }
  }
  return factor
}

function springFestival(day: DateTime): number {
  const first = SPRING_FESTIVAL[day.year] ?? SPRING_FESTIVAL[day.year + 1]
  if (!first) {
    return 1
  }
  const offset = Math.round(day.diff(DateTime.fromISO(first, { zone: STORE_ZONE }), "days").days)
  if (offset >= -14 && offset <= -6) return 1.25 // gifts before the holiday
  if (offset >= -5 && offset <= -1) return 0.55 // last couriers leave
  if (offset >= 0 && offset <= 6) return 0.35 // the holiday week
  if (offset >= 7 && offset <= 10) return 0.75
  return 1
}

function normalise(values: number[]): number[] {
  const total = values.reduce((sum, value) => sum + value, 0)
  return values.map((value) => value / total)
}
