import { dayNumber, inPeriod, type Period } from "./period"
import type { Credited, RepDay, Reversal } from "./types"

/**
 * Credited figures per rep in an open period: what was placed in the period, less the
 * cancellations and returns of those orders that fall inside the rep's clawback window. A
 * reversal outside the window leaves the credit alone (no clawback). Reversals of orders from
 * a closed period are not here: that period is frozen, see clawback.ts.
 */
export type CreditOptions = {
  /** the clawback window in days after placement, per rep (Infinity: every reversal counts) */
  windowDays: (repId: string) => number
  /**
   * today, for a running period: placements count up to it, and so do reversals, including
   * those after the period's end while the period is still open; everything by default
   */
  asOf?: string
}

export function emptyCredited(): Credited {
  return { revenue: 0, orders: 0, units: 0, newCustomers: 0, orderIds: [], reversedOrderIds: [] }
}

/** Whether a reversal takes the credit back under a window of `windowDays` days. */
export function insideWindow(reversal: Pick<Reversal, "placedDate" | "reversedDate">, windowDays: number): boolean {
  return dayNumber(reversal.reversedDate) - dayNumber(reversal.placedDate) <= windowDays
}

export function creditedInPeriod(days: readonly RepDay[], reversals: readonly Reversal[], period: Period, options: CreditOptions): Map<string, Credited> {
  const asOf = options.asOf && options.asOf < period.end ? options.asOf : period.end
  const upTo = { start: period.start, end: asOf }
  const out = new Map<string, Credited>()
  const get = (repId: string) => {
    let c = out.get(repId)
    if (!c) out.set(repId, (c = emptyCredited()))
    return c
  }
  for (const d of days) {
    if (!inPeriod(d.localDate, upTo)) continue
    const c = get(d.repId)
    c.revenue += d.revenue
    c.orders += d.orders
    c.units += d.units
    c.newCustomers += d.newCustomers
    if (d.orderIds.length === 1) c.orderIds.push(d.orderIds[0])
    else for (const id of d.orderIds) c.orderIds.push(id)
  }
  for (const r of reversals) {
    if (!inPeriod(r.placedDate, upTo) || (options.asOf !== undefined && r.reversedDate > options.asOf)) continue
    if (!insideWindow(r, options.windowDays(r.repId))) continue
    const c = get(r.repId)
    c.revenue -= r.revenue
    c.orders -= r.orders
    c.units -= r.units
    c.newCustomers -= r.newCustomers
    c.reversedOrderIds.push(r.orderId)
  }
  // Split credit adds counts like 0.6 + 0.4: without this a rep with 40 orders could read
  // 39.99999999999999 and miss a tier that starts at 40.
  for (const c of out.values()) {
    c.orders = tidyCount(c.orders)
    c.units = tidyCount(c.units)
    c.newCustomers = tidyCount(c.newCustomers)
  }
  return out
}

/** A count made of split fractions, to a billionth. */
export const tidyCount = (x: number) => Math.round(x * 1e9) / 1e9
