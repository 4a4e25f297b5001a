import { DateTime } from "luxon"
import type { DemoVariant } from "./catalogue"

/**
 * The demo store's calendar, shared by the year of history and the live simulator so the
 * wall does not jump at "now": the festivals its gift sets sell for, and the warehouses'
 * working hours.
 */
export const MID_AUTUMN: Record<number, string> = { 2025: "2025-10-06", 2026: "2026-09-25", 2027: "2027-09-15", 2028: "2028-10-03" }
/** The first day of the lunar year: couriers stop for about a week. */
export const SPRING_FESTIVAL: Record<number, string> = { 2025: "2025-01-29", 2026: "2026-02-17", 2027: "2027-02-06", 2028: "2028-01-26" }

/** The demo store's zone (the plugin is configured with the same). */
export const STORE_ZONE = "Asia/Shanghai"

const HOUR = 3_600_000

/** Gift sets sell in the four weeks before their festival and hardly at all otherwise. */
export function seasonFactor(variant: Pick<DemoVariant, "season">, at: DateTime): number {
  if (!variant.season) return 1
  const local = at.setZone(STORE_ZONE)
  const festival = (dates: Record<number, string>) => {
    // The next festival that is not more than a day past.
    for (const year of [local.year, local.year + 1]) {
      const iso = dates[year]
      if (iso && DateTime.fromISO(iso, { zone: STORE_ZONE }).diff(local, "days").days >= -1) {
        return DateTime.fromISO(iso, { zone: STORE_ZONE })
      }
    }
    return null
  }
  const peak =
    variant.season === "mid-autumn"
      ? festival(MID_AUTUMN)
      : variant.season === "spring-festival"
        ? festival(SPRING_FESTIVAL)
        : festival({ [local.year]: `${local.year}-12-24`, [local.year + 1]: `${local.year + 1}-12-24` })
  if (!peak) return 0.004
  const daysBefore = peak.diff(local, "days").days
  return daysBefore >= -1 && daysBefore <= 28 ? 0.3 + (28 - daysBefore) / 28 : 0.004
}

/** The warehouses pick and pack from 09:00 to 21:00, every day. */
export function nextWorkingTime(t: number): number {
  const hourStart = t - (t % HOUR)
  const localHour = ((((hourStart + zoneOffset(hourStart)) / HOUR) % 24) + 24) % 24
  // The night's orders are picked through the first hours of the morning, not all at 09:00.
  const spread = (t % HOUR) * 2
  if (localHour < 9) return hourStart + (9 - localHour) * HOUR + spread
  if (localHour >= 21) return hourStart + (33 - localHour) * HOUR + spread
  return t
}

/** The store zone's UTC offset (ms) for an hour, cached: asking Intl each time dominated planning a year. */
const offsets = new Map<number, number>()
function zoneOffset(hourStart: number): number {
  let offset = offsets.get(hourStart)
  if (offset === undefined) {
    offset = DateTime.fromMillis(hourStart, { zone: STORE_ZONE }).offset * 60_000
    offsets.set(hourStart, offset)
  }
  return offset
}
