/**
 * The plain data the sales engine reads. Money is in integer minor units of the reporting
 * currency; dates are local dates (yyyy-MM-dd) in the store's zone; counts may be fractional
 * where a split credits part of an order (0.6 of an order to one rep, 0.4 to another).
 */

/** What a target counts and what a pay plan pays on. */
export type Metric = "credited_revenue" | "orders" | "units" | "new_customers"

export const METRICS: readonly Metric[] = ["credited_revenue", "orders", "units", "new_customers"]

/** One rep's credit placed on one local day (aggregates kept current per order). */
export type RepDay = {
  repId: string
  localDate: string
  /** credited revenue: item totals after discounts, without tax and shipping, in minor units */
  revenue: number
  orders: number
  units: number
  newCustomers: number
  /** the orders behind these figures, so every line can name them */
  orderIds: readonly string[]
}

/** A cancellation or a received return, taken off the rep it was credited to. */
export type Reversal = {
  repId: string
  orderId: string
  kind: "cancellation" | "return"
  /** the local day the order was credited (placed) */
  placedDate: string
  /** the local day it was cancelled or the return received */
  reversedDate: string
  /** positive figures: what comes off */
  revenue: number
  orders: number
  units: number
  newCustomers: number
}

export type SalesRep = {
  id: string
  name: string
  teamId?: string | null
  /** first and last local day the rep sells (inclusive); open ends are null */
  activeFrom?: string | null
  activeTo?: string | null
}

export type SalesTeam = {
  id: string
  name: string
  leadRepId?: string | null
  parentTeamId?: string | null
}

/** Who a target is for. */
export type TargetSubject = { kind: "rep"; repId: string } | { kind: "team"; teamId: string }

export type Target = {
  id: string
  subject: TargetSubject
  /** the period's id (see period.ts) */
  periodId: string
  metric: Metric
  /** in minor units for credited revenue, a count otherwise */
  value: number
}

/** Credited figures of one rep (or team) in a period, with the orders behind them. */
export type Credited = {
  revenue: number
  orders: number
  units: number
  newCustomers: number
  orderIds: string[]
  /** orders whose cancellation or return (inside the clawback window) was taken off */
  reversedOrderIds: string[]
}

/** The figure a metric reads from credited figures. */
export function measureOf(credited: Pick<Credited, "revenue" | "orders" | "units" | "newCustomers">, metric: Metric): number {
  switch (metric) {
    case "credited_revenue":
      return credited.revenue
    case "orders":
      return credited.orders
    case "units":
      return credited.units
    case "new_customers":
      return credited.newCustomers
  }
}
