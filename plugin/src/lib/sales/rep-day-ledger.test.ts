import { describe, expect, it } from "vitest"
import { DEC, plan, TARGET } from "./__tests__/plans"
import { creditedInPeriod } from "./credit"
import { creditOrder, emptyLedger, reassignOrder, repDays, withdrawOrder, type OrderCredit } from "./rep-day-ledger"
import { prorationFor } from "./proration"
import { statementFor } from "./statement"

const order = (orderId: string, localDate: string, revenue: number, repId: string, newCustomer = false): OrderCredit => ({
  orderId, localDate, revenue, units: 2, newCustomer, shares: [{ repId, percent: 100 }],
})

function statements(ledger: ReturnType<typeof emptyLedger>, tierMode: "flat" | "marginal" = "marginal") {
  const credited = creditedInPeriod(repDays(ledger), [], DEC, { windowDays: () => 30 })
  const out: Record<string, ReturnType<typeof statementFor>> = {}
  for (const [repId, c] of credited) out[repId] = statementFor({ repId, period: DEC, plan: plan({ tierMode }), target: TARGET, credited: c, proration: prorationFor(DEC) })
  return out
}

describe("per-rep-day aggregates kept per order", () => {
  it("a reassignment across a tier: the same order credited to another rep, every figure follows", () => {
    const ledger = emptyLedger()
    creditOrder(ledger, order("a1", "2026-12-03", 8_000_000, "A"))
    creditOrder(ledger, order("x", "2026-12-09", 2_500_000, "A"))
    creditOrder(ledger, order("b1", "2026-12-04", 9_000_000, "B"))
    // Before: A 10,500,000 (105%): 100,000 + 150,000 + 500,000 x 0.04 = 20,000 -> 270,000.
    //         B 9,000,000 (90%):   100,000 + 4,000,000 x 0.03 = 120,000 -> 220,000.
    let s = statements(ledger)
    expect([s.A.total, s.B.total]).toEqual([270_000, 220_000])
    expect(s.A.attainment).toBeCloseTo(1.05, 12)

    reassignOrder(ledger, "x", [{ repId: "B", percent: 100 }])
    // After: A 8,000,000 (80%, back in tier 2): 100,000 + 3,000,000 x 0.03 = 90,000 -> 190,000.
    //        B 11,500,000 (115%, into tier 3): 100,000 + 150,000 + 1,500,000 x 0.04 = 60,000 -> 310,000.
    s = statements(ledger)
    expect([s.A.total, s.B.total]).toEqual([190_000, 310_000])
    expect(s.A.orderIds).toEqual(["a1"])
    expect(s.B.orderIds.sort()).toEqual(["b1", "x"])
    expect(s.B.lines[2].orderIds).toContain("x")
    // Flat, same move: A 8,000,000 all at 3% = 240,000; B 11,500,000 all at 4% = 460,000.
    s = statements(ledger, "flat")
    expect([s.A.total, s.B.total]).toEqual([240_000, 460_000])
  })

  it("a split 60/40 credits the parts to the cent and names the order on both statements", () => {
    const ledger = emptyLedger()
    creditOrder(ledger, { orderId: "s", localDate: "2026-12-10", revenue: 1_234_567, units: 5, newCustomer: true, shares: [{ repId: "A", percent: 60 }, { repId: "B", percent: 40 }] })
    // 1,234,567 x 0.6 = 740,740.2 and x 0.4 = 493,826.8: 740,740 + 493,826 = 1,234,566, one fen
    // left, which goes to the larger remainder (0.8, B): A 740,740, B 493,827.
    const [a, b] = ["A", "B"].map((id) => repDays(ledger).find((d) => d.repId === id)!)
    expect([a.revenue, b.revenue]).toEqual([740_740, 493_827])
    expect([a.orders, b.orders, a.units, b.units, a.newCustomers]).toEqual([0.6, 0.4, 3, 2, 0.6])
    // Both below 50%, paid at 2%: A 740,740 x 0.02 = 14,814.8 -> 14,815; B 493,827 x 0.02 = 9,876.54 -> 9,877.
    const s = statements(ledger)
    expect([s.A.total, s.B.total]).toEqual([14_815, 9_877])
    expect(s.A.lines[0].orderIds).toEqual(["s"])
    expect(s.B.lines[0].orderIds).toEqual(["s"])
  })

  it("crediting an order twice counts it once, and withdrawing it leaves nothing", () => {
    const ledger = emptyLedger()
    creditOrder(ledger, order("o", "2026-12-10", 1_000, "A"))
    creditOrder(ledger, order("o", "2026-12-10", 1_000, "A"))
    expect(repDays(ledger)).toEqual([expect.objectContaining({ revenue: 1_000, orders: 1, orderIds: ["o"] })])
    withdrawOrder(ledger, "o")
    expect(repDays(ledger)).toEqual([])
  })
})
