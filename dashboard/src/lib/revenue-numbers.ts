import type { TodayTotals } from "@order-rhythm/live-client"

export type RevenueNumber = { currency: string; value: number | null; previous: number | null; noRate: boolean }

/**
 * The revenue big numbers. With a reporting currency: its converted total first, then any
 * currency that had no rate today on its own (left out of the total, so shown apart, never
 * hidden). Without one: the biggest currencies, per currency. A wall has room for three.
 */
export function revenueNumbers(totals: TodayTotals, room = 3): RevenueNumber[] {
  const reporting = totals.reporting
  if (reporting) {
    const previous = reporting.lastWeek.missing.length ? null : reporting.lastWeek.revenue
    const unconverted = reporting.missing.map((currency) => ({
      currency,
      value: totals.revenue[currency] ?? null,
      previous: totals.lastWeek.revenue[currency] ?? null,
      noRate: true,
    }))
    return [{ currency: reporting.currency, value: reporting.revenue, previous, noRate: false }, ...unconverted].slice(0, room)
  }
  return Object.entries(totals.revenue)
    .sort((a, b) => b[1] - a[1])
    .slice(0, room)
    .map(([currency, value]) => ({ currency, value, previous: totals.lastWeek.revenue[currency] ?? null, noRate: false }))
}
