import type { PlanVersion } from "../pay-plan"
import { monthPeriod } from "../period"
import type { Credited } from "../types"

/**
 * The plan the hand-worked cases use. Amounts in fen (CNY minor units). Target 100,000.00 CNY
 * = 10,000,000 fen. Tiers: below 50% 2%, 50% to 100% 3%, 100% and up 4%.
 */
export const TARGET = 10_000_000

export function plan(overrides: Partial<PlanVersion> = {}): PlanVersion {
  return {
    id: "pv-1",
    planId: "plan-1",
    version: 1,
    metric: "credited_revenue",
    tierMode: "marginal",
    tiers: [
      { from: 0, to: 0.5, rate: "0.02" },
      { from: 0.5, to: 1, rate: "0.03" },
      { from: 1, to: null, rate: "0.04" },
    ],
    clawback: { windowDays: 30, afterClose: "next_open_period" },
    currency: "cny",
    ...overrides,
  }
}

export const FULL = { activeDays: 31, periodDays: 31 }

export const TZ = "Asia/Shanghai"
export const DEC = monthPeriod("2026-12", TZ)
export const NOV = monthPeriod("2026-11", TZ)

export function credited(revenue: number, orderIds: string[] = [], orders = orderIds.length): Credited {
  return { revenue, orders, units: orders, newCustomers: 0, orderIds, reversedOrderIds: [] }
}
