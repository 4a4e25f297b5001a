import { describe, expect, it } from "vitest"
import { DEC, plan } from "./__tests__/plans"
import { creditedInPeriod, insideWindow } from "./credit"
import { prorationFor } from "./proration"
import { statementFor } from "./statement"

describe("credited figures", () => {
  it("ten tenths of an order read as exactly one and reach a tier that starts there", () => {
    // 0.1 added ten times is 0.9999999999999999 in floating point: the rep would miss a tier
    // or bonus that starts at 1 order. Ten days on each of which the rep had a 10% share:
    const days = Array.from({ length: 10 }, (_, k) => ({ repId: "A", localDate: `2026-12-${String(k + 1).padStart(2, "0")}`, revenue: 10, orders: 0.1, units: 0.1, newCustomers: 0.1, orderIds: [`o${k}`] }))
    expect(days.reduce((s, d) => s + d.orders, 0)).toBeLessThan(1)
    const a = creditedInPeriod(days, [], DEC, { windowDays: () => 30 }).get("A")!
    expect([a.orders, a.units, a.newCustomers]).toEqual([1, 1, 1])
    // Orders plan, target 1 order, 1.00 CNY an order below 100%, a 50.00 bonus at 100%:
    // band 0-100%: 1 x 100 = 100 fen; the bonus 5,000 fen is reached. Total 5,100.
    const p = plan({ metric: "orders", tiers: [{ from: 0, to: 1, rate: 100 }, { from: 1, to: null, rate: 200 }], thresholdBonuses: [{ at: 1, amount: 5_000 }] })
    const s = statementFor({ repId: "A", period: DEC, plan: p, target: 1, credited: a, proration: prorationFor(DEC) })
    expect(s.attainment).toBe(1)
    expect(s.total).toBe(5_100)
  })

  it("counts placements up to today, and reversals booked after the period's end while it is open", () => {
    const days = [
      { repId: "A", localDate: "2026-12-30", revenue: 700, orders: 1, units: 1, newCustomers: 0, orderIds: ["late"] },
      { repId: "A", localDate: "2026-12-02", revenue: 300, orders: 1, units: 1, newCustomers: 0, orderIds: ["early"] },
    ]
    const back = { repId: "A", orderId: "early", kind: "return" as const, placedDate: "2026-12-02", reversedDate: "2027-01-03", revenue: 300, orders: 1, units: 1, newCustomers: 0 }
    // On the 10th: only "early" is in; its return has not happened yet.
    expect(creditedInPeriod(days, [back], DEC, { windowDays: () => 60, asOf: "2026-12-10" }).get("A")!.revenue).toBe(300)
    // On 5 January, December still open: both orders, less the return (32 days, inside 60).
    expect(creditedInPeriod(days, [back], DEC, { windowDays: () => 60, asOf: "2027-01-05" }).get("A")!.revenue).toBe(700)
    expect(insideWindow(back, 32)).toBe(true)
    expect(insideWindow(back, 31)).toBe(false)
  })
})
