import { describe, expect, it } from "vitest"
import { reorderPolicy, type PolicySettings } from "./reorder-policy"
import { normalDemand } from "./test-demand"
import { topList } from "./top-list"

const settings: PolicySettings = { leadTimeDays: 5, leadTimeSdDays: 0, target: { kind: "cycle_service_level", level: 0.95 }, rounding: "nearest", reviewPeriodDays: 7, minimumOrderQuantity: 1, packSize: 1, unitCost: 1, overstockMarginDays: 30 }

describe("top list", () => {
  it("carries at most `limit` rows per risk, the worst first, and counts the rest", () => {
    const demand = normalDemand(10, 3)
    const policies = Array.from({ length: 3000 }, (_, i) =>
      reorderPolicy({ inventory_item_id: `i${i}`, location_id: "l", demand, settings, stock: { onHand: (i * 7) % 900, reserved: 0, onOrder: 0 }, sellingPrice: 1 + (i % 13), firstDate: "2026-01-01" })
    )
    const top = topList(policies, 10)
    expect(top.rows.length).toBeLessThanOrEqual(30)
    const stockOuts = top.rows.filter((r) => r.risk === "stock_out")
    expect(stockOuts).toHaveLength(10)
    expect(top.counts.stock_out).toBe(policies.filter((p) => p.stockOutWithinLeadTime).length)
    expect(top.counts.overstock).toBe(policies.filter((p) => !p.stockOutWithinLeadTime && !p.belowReorderPoint && p.overstock.units > 0).length)
    const worst = Math.max(...policies.filter((p) => p.stockOutWithinLeadTime).map((p) => p.revenueAtRisk!))
    expect(stockOuts[0].revenueAtRisk).toBe(worst)
    for (let i = 1; i < stockOuts.length; i++) expect(stockOuts[i].revenueAtRisk!).toBeLessThanOrEqual(stockOuts[i - 1].revenueAtRisk!)
    const over = top.rows.filter((r) => r.risk === "overstock")
    for (let i = 1; i < over.length; i++) expect(over[i].overstockValue!).toBeLessThanOrEqual(over[i - 1].overstockValue!)
  })
})
