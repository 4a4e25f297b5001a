import { describe, expect, it } from "vitest"
import { monthPeriod } from "./period"
import { learnWeekShape, periodDemandCurve } from "./demand-curve"
import { periodProgress } from "./period-progress"
import type { RepDay } from "./types"

describe("a team's progress line", () => {
  it("cumulates its reps' credit day by day against the expected path", () => {
    // November 2026 (30 days), no history: the expected path is a straight line, target 3,000
    // -> 100 a day. Reps a and b are the team; c is not. b2 is cancelled inside the window.
    const nov = monthPeriod("2026-11", "UTC")
    const curve = periodDemandCurve(nov, learnWeekShape([], "UTC", { fromMs: 0, toMs: 0 }))
    const day = (repId: string, localDate: string, revenue: number): RepDay => ({ repId, localDate, revenue, orders: 1, units: 1, newCustomers: 0, orderIds: [`${repId}${localDate}`] })
    const points = periodProgress({
      period: nov, curve, metric: "credited_revenue", target: 3_000, repIds: ["a", "b"], asOf: "2026-11-03",
      days: [day("a", "2026-11-01", 50), day("b", "2026-11-02", 70), day("c", "2026-11-02", 999), day("a", "2026-11-03", 30), day("a", "2026-11-04", 5)],
      reversals: [{ repId: "b", orderId: "b2", kind: "cancellation", placedDate: "2026-11-02", reversedDate: "2026-11-03", revenue: 20, orders: 0, units: 0, newCustomers: 0 }],
      windowDays: () => 30,
    })
    expect(points).toHaveLength(30)
    // Day 1: 50. Day 2: 50 + 70 - 20 (b2 came off) = 100. Day 3: 130. Day 4: no actual yet.
    expect(points.slice(0, 4).map((p) => p.actual)).toEqual([50, 100, 130, null])
    expect(points[0].expected).toBeCloseTo(100, 9)
    expect(points[29].expected).toBeCloseTo(3_000, 9)
  })
})
