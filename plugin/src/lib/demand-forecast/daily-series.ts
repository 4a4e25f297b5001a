/**
 * A variant x location's daily demand as the engine reads it: one value per local day, no gaps,
 * with the day's stock flag. Days the store stored nothing for had no demand (zero), but their
 * stock is unknown, not "in stock": only a day known to have run out is censored.
 */
import { DateTime } from "luxon"
import type { StockFlag } from "../forecast"

export type VariantDayRow = {
  local_date: string
  variant_id: string
  location_id: string
  units_demanded: number
  out_of_stock: boolean | null
}

export type DailySeries = {
  variant_id: string
  location_id: string
  /** local date of values[0] */
  firstDate: string
  /** local date of the last value (the last closed day) */
  lastDate: string
  values: number[]
  /** false = out of stock that day (censored), true = in stock, null = unknown */
  inStock: StockFlag[]
}

export const seriesKey = (variantId: string, locationId: string) => `${variantId}|${locationId}`

const DAY_MS = 86_400_000
const dayNumber = (date: string) => Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / DAY_MS

/**
 * Whole days from `from` to `to` (ISO dates). Calendar arithmetic, not clock time: a local day
 * is one day whether it had 23, 24 or 25 hours. Plain numbers, not luxon: this runs per variant
 * and day when days close.
 */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from)
}

export function addDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10)
}

/**
 * Groups rows into one series per variant x location, from its first stored day (the variant's
 * history starts when the store first saw it) through `lastDate` (the last closed day: today is
 * incomplete). Rows after `lastDate` are left out; a series whose first day is after it is dropped.
 */
export function dailySeries(rows: readonly VariantDayRow[], lastDate: string): DailySeries[] {
  const groups = new Map<string, VariantDayRow[]>()
  for (const row of rows) {
    if (row.local_date > lastDate) continue
    const key = seriesKey(row.variant_id, row.location_id)
    const list = groups.get(key)
    if (list) list.push(row)
    else groups.set(key, [row])
  }
  const out: DailySeries[] = []
  for (const list of groups.values()) {
    list.sort((a, b) => a.local_date.localeCompare(b.local_date))
    const firstDate = list[0].local_date
    const n = daysBetween(firstDate, lastDate) + 1
    const values = new Array<number>(n).fill(0)
    const inStock = new Array<StockFlag>(n).fill(null)
    for (const row of list) {
      const i = daysBetween(firstDate, row.local_date)
      values[i] += Number(row.units_demanded) || 0
      inStock[i] = row.out_of_stock === null || row.out_of_stock === undefined ? null : !row.out_of_stock
    }
    out.push({ variant_id: list[0].variant_id, location_id: list[0].location_id, firstDate, lastDate, values, inStock })
  }
  return out.sort((a, b) => seriesKey(a.variant_id, a.location_id).localeCompare(seriesKey(b.variant_id, b.location_id)))
}

/** The last closed local day at `now` in the store's zone: yesterday there. */
export function lastClosedDay(now: Date, timezone: string): string {
  return DateTime.fromJSDate(now, { zone: timezone }).minus({ days: 1 }).toISODate()!
}
