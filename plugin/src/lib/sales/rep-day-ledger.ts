import { tidyCount as tidy } from "./credit"
import { splitRevenue, type Share } from "./split"
import type { RepDay } from "./types"

/**
 * Per-rep-day aggregates kept current per order: an order's credit is added when it is placed
 * and taken out, then added under its new reps, when an admin reassigns it. The same order
 * never counts twice: the ledger keys credits by order id.
 */
export type OrderCredit = {
  orderId: string
  /** local day it was placed (a converted draft: the day it was converted) */
  localDate: string
  revenue: number
  units: number
  newCustomer: boolean
  /** who is credited; one rep at 100 unless split */
  shares: readonly Share[]
}

export type RepDayLedger = {
  days: Map<string, RepDay>
  /** what each order put where, to take it out again exactly */
  byOrder: Map<string, OrderCredit>
}

export function emptyLedger(): RepDayLedger {
  return { days: new Map(), byOrder: new Map() }
}

/** Credits an order (replacing whatever it credited before: a reassignment). */
export function creditOrder(ledger: RepDayLedger, order: OrderCredit): void {
  withdrawOrder(ledger, order.orderId)
  apply(ledger, order, 1)
  ledger.byOrder.set(order.orderId, order)
}

/** Takes an order's credit out (deleted or reassigned). */
export function withdrawOrder(ledger: RepDayLedger, orderId: string): void {
  const before = ledger.byOrder.get(orderId)
  if (!before) return
  apply(ledger, before, -1)
  ledger.byOrder.delete(orderId)
}

/** Moves an order to other reps; every figure follows. */
export function reassignOrder(ledger: RepDayLedger, orderId: string, shares: readonly Share[]): void {
  const before = ledger.byOrder.get(orderId)
  if (!before) throw new RangeError(`order ${orderId} has no credit to reassign`)
  creditOrder(ledger, { ...before, shares })
}

export function repDays(ledger: RepDayLedger): RepDay[] {
  return [...ledger.days.values()]
}

function apply(ledger: RepDayLedger, order: OrderCredit, sign: 1 | -1): void {
  for (const part of splitRevenue(order.revenue, order.shares)) {
    const key = `${part.repId}|${order.localDate}`
    let day = ledger.days.get(key)
    if (!day) {
      day = { repId: part.repId, localDate: order.localDate, revenue: 0, orders: 0, units: 0, newCustomers: 0, orderIds: [] }
      ledger.days.set(key, day)
    }
    const ids = day.orderIds as string[]
    day.revenue += sign * part.revenue
    day.orders = tidy(day.orders + sign * part.fraction)
    day.units = tidy(day.units + sign * part.fraction * order.units)
    day.newCustomers = tidy(day.newCustomers + (order.newCustomer ? sign * part.fraction : 0))
    if (sign > 0) ids.push(order.orderId)
    else ids.splice(ids.indexOf(order.orderId), 1)
    if (ids.length === 0) ledger.days.delete(key)
  }
}
