import { describe, expect, it } from "vitest"
import { DEC, NOV, plan, TARGET } from "./__tests__/plans"
import { closedPeriodClawbacks, landingPeriod } from "./clawback"
import { creditedInPeriod } from "./credit"
import { prorationFor } from "./proration"
import { closeStatement, statementFor } from "./statement"
import type { RepDay, Reversal } from "./types"

const day = (localDate: string, revenue: number, orderId: string): RepDay => ({ repId: "r1", localDate, revenue, orders: 1, units: 1, newCustomers: 0, orderIds: [orderId] })
const ret = (orderId: string, placedDate: string, reversedDate: string, revenue: number): Reversal => ({
  repId: "r1", orderId, kind: "return", placedDate, reversedDate, revenue, orders: 1, units: 1, newCustomers: 0,
})

describe("clawback inside an open period", () => {
  // December: d1 6,000,000 fen on the 2nd, d2 5,000,000 on the 5th: 11,000,000 (110%).
  // Marginal pay on 110%: 100,000 + 150,000 + 1,000,000 x 0.04 = 40,000 -> 290,000 fen.
  const days = [day("2026-12-02", 6_000_000, "d1"), day("2026-12-05", 5_000_000, "d2")]
  const d2Returned = [ret("d2", "2026-12-05", "2026-12-20", 5_000_000)] // 15 days after placement

  const pay = (windowDays: number) => {
    const p = plan({ clawback: { windowDays, afterClose: "next_open_period" } })
    const c = creditedInPeriod(days, d2Returned, DEC, { windowDays: () => windowDays, asOf: "2026-12-31" }).get("r1")!
    return statementFor({ repId: "r1", period: DEC, plan: p, target: TARGET, credited: c, proration: prorationFor(DEC) })
  }

  it("a return inside the window takes the order off", () => {
    // Window 30 days, returned after 15: credit 6,000,000 (60%).
    // 5,000,000 x 0.02 = 100,000; 1,000,000 x 0.03 = 30,000. Total 130,000 fen.
    const s = pay(30)
    expect(s.quantity).toBe(6_000_000)
    expect(s.total).toBe(130_000)
    expect(s.reversedOrderIds).toEqual(["d2"])
    expect(s.lines[0].reversedOrderIds).toEqual(["d2"])
  })

  it("a return outside the window leaves the credit alone", () => {
    // Window 10 days, returned after 15: no clawback, still 11,000,000 -> 290,000 fen.
    const s = pay(10)
    expect(s.quantity).toBe(11_000_000)
    expect(s.total).toBe(290_000)
    expect(s.reversedOrderIds).toEqual([])
  })

  it("a return on the window's last day is inside it", () => {
    // Window 15 days, returned 15 days after placement: inside (<= window).
    expect(pay(15).total).toBe(130_000)
    expect(pay(14).total).toBe(290_000)
  })
})

describe("a closed period", () => {
  // November: n1 6,000,000 on the 3rd, n2 5,000,000 on the 20th = 11,000,000 (110%),
  // paid 100,000 + 150,000 + 40,000 = 290,000 fen, then the period is closed.
  const p = plan()
  const novDays = [day("2026-11-03", 6_000_000, "n1"), day("2026-11-20", 5_000_000, "n2")]
  const novCredit = creditedInPeriod(novDays, [], NOV, { windowDays: () => 30, asOf: "2026-11-30" }).get("r1")!
  const closed = closeStatement(statementFor({ repId: "r1", period: NOV, plan: p, target: TARGET, credited: novCredit, proration: prorationFor(NOV) }), "2026-12-01T02:00:00Z")

  it("is frozen", () => {
    expect(closed.total).toBe(290_000)
    expect(closed.status).toBe("closed")
    expect(Object.isFrozen(closed)).toBe(true)
    expect(Object.isFrozen(closed.lines[0].orderIds)).toBe(true)
    expect(() => ((closed.lines as unknown as unknown[]).length = 0)).toThrow()
  })

  it("a return after closing claws back in the next open period", () => {
    // n2 returned on 5 December, 15 days after placement (window 30): it lands in December.
    const r = ret("n2", "2026-11-20", "2026-12-05", 5_000_000)
    expect(landingPeriod(r.reversedDate, [{ period: NOV, closed: true }, { period: DEC, closed: false }])?.id).toBe("2026-12")
    // A return dated inside November but booked after November closed also lands in December.
    expect(landingPeriod("2026-11-29", [{ period: NOV, closed: true }, { period: DEC, closed: false }])?.id).toBe("2026-12")
    expect(landingPeriod("2026-12-05", [{ period: NOV, closed: true }, { period: DEC, closed: true }])).toBeNull()
    // November without n2: 6,000,000 (60%) pays 100,000 + 30,000 = 130,000.
    // Clawback: 130,000 - 290,000 = -160,000 fen, on its own line naming n2 and November.
    const lines = closedPeriodClawbacks({ plan: p, closed, reversals: [r] })
    expect(lines).toEqual([expect.objectContaining({ kind: "clawback", amount: -160_000, orderIds: ["n2"], fromPeriodId: "2026-11" })])
    // December: d1 3,000,000 (30%) earns 3,000,000 x 0.02 = 60,000; with the clawback the
    // statement totals 60,000 - 160,000 = -100,000 fen. November still says 290,000.
    const decCredit = creditedInPeriod([day("2026-12-02", 3_000_000, "d1")], [r], DEC, { windowDays: () => 30, asOf: "2026-12-31" }).get("r1")!
    const dec = statementFor({ repId: "r1", period: DEC, plan: p, target: TARGET, credited: decCredit, proration: prorationFor(DEC), clawbacks: lines })
    expect(dec.quantity).toBe(3_000_000) // the November order does not touch December's credit
    expect(dec.lines.map((l) => [l.kind, l.amount])).toEqual([["commission", 60_000], ["clawback", -160_000]])
    expect(dec.total).toBe(-100_000)
    expect(closed.total).toBe(290_000)
  })

  it("takes back in steps when returns come one by one, never twice", () => {
    // n1 returned first (after n2 was already clawed back in an earlier period):
    // from 6,000,000 (130,000) to 0 (0): -130,000.
    const r1 = ret("n1", "2026-11-03", "2026-12-01", 6_000_000)
    expect(closedPeriodClawbacks({ plan: p, closed, reversals: [r1], alreadyClawed: 5_000_000 }).map((l) => l.amount)).toEqual([-130_000])
    // Both in one period: n1 first (11,000,000 -> 5,000,000 pays 100,000: -190,000), then n2
    // (5,000,000 -> 0: -100,000); together -290,000, the whole of November.
    const both = closedPeriodClawbacks({ plan: p, closed, reversals: [ret("n2", "2026-11-20", "2026-12-05", 5_000_000), r1] })
    expect(both.map((l) => [l.orderIds[0], l.amount])).toEqual([["n1", -190_000], ["n2", -100_000]])
  })

  it("no clawback outside the window, or when the plan says none", () => {
    const late = ret("n2", "2026-11-20", "2027-01-10", 5_000_000) // 51 days
    expect(closedPeriodClawbacks({ plan: p, closed, reversals: [late] })).toEqual([])
    const inside = ret("n2", "2026-11-20", "2026-12-05", 5_000_000)
    expect(closedPeriodClawbacks({ plan: plan({ clawback: { windowDays: 30, afterClose: "none" } }), closed, reversals: [inside] })).toEqual([])
  })
})
