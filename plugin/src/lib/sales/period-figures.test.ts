import { describe, expect, it } from "vitest"
import { DEC, plan, TARGET, TZ } from "./__tests__/plans"
import { learnWeekShape, periodDemandCurve } from "./demand-curve"
import { periodFigures } from "./period-figures"
import { localMidnight } from "./period"
import type { RepDay, Reversal, Target } from "./types"

const day = (repId: string, localDate: string, revenue: number, ids: string[]): RepDay => ({ repId, localDate, revenue, orders: ids.length, units: ids.length, newCustomers: 0, orderIds: ids })
const revenueTarget = (repId: string, value: number): Target => ({ id: `t-${repId}`, subject: { kind: "rep", repId }, periodId: DEC.id, metric: "credited_revenue", value })

describe("a period's figures for everyone", () => {
  // A store without history: its curve is a straight line, so on 16 December 00:00 the share
  // expected is 15/31.
  const curve = periodDemandCurve(DEC, learnWeekShape([], TZ, { fromMs: 0, toMs: 0 }))
  const nowMs = localMidnight("2026-12-16", TZ)
  const reps = [
    { id: "a", name: "An", teamId: "sh" },
    { id: "b", name: "Bo", teamId: "sh" },
    { id: "c", name: "Chen", teamId: "hz", activeFrom: "2026-12-10" },
    { id: "n", name: "Nobody", teamId: "hz" },
  ]
  const teams = [{ id: "east", name: "East" }, { id: "sh", name: "Shanghai", parentTeamId: "east" }, { id: "hz", name: "Hangzhou", parentTeamId: "east" }]
  const days = [
    day("a", "2026-12-02", 6_000_000, ["a1"]),
    day("a", "2026-12-05", 5_000_000, ["a2"]),
    day("b", "2026-12-03", 3_000_000, ["b1", "b2"]),
    day("c", "2026-12-12", 2_000_000, ["c1"]),
    day("a", "2026-12-20", 9_000_000, ["future"]), // after now: not counted yet
  ]
  const reversals: Reversal[] = [{ repId: "b", orderId: "b2", kind: "cancellation", placedDate: "2026-12-03", reversedDate: "2026-12-04", revenue: 1_000_000, orders: 1, units: 1, newCustomers: 0 }]
  const figures = periodFigures({
    period: DEC,
    nowMs,
    reps,
    teams,
    targets: [revenueTarget("a", TARGET), revenueTarget("b", TARGET), revenueTarget("c", TARGET), { id: "t-east", subject: { kind: "team", teamId: "east" }, periodId: DEC.id, metric: "credited_revenue", value: 31_000_000 }],
    plans: new Map([["pv-1", plan()]]),
    assignments: ["a", "b", "c"].map((repId) => ({ repId, planVersionId: "pv-1", from: "2026-01-01", to: null })),
    days,
    reversals,
    curve,
    adjustments: [
      { id: "adj-dec", repId: "b", periodId: "2026-12", amount: 5_000, reason: "stand at the trade fair" },
      { id: "adj-nov", repId: "b", periodId: "2026-11", amount: 9_999, reason: "belongs to November" },
    ],
    clawbacks: new Map([["a", [{ kind: "clawback" as const, label: "return of n9", amount: -7_000, orderIds: ["n9"], fromPeriodId: "2026-11" }]]]),
  })
  const rep = (id: string) => figures.reps.find((r) => r.repId === id)!

  it("credits what was placed by now, less reversals inside the window", () => {
    expect(figures.asOf).toBe("2026-12-16")
    expect(figures.expectedShare).toBeCloseTo(15 / 31, 12)
    expect(rep("a").credited.revenue).toBe(11_000_000)
    expect(rep("b").credited).toMatchObject({ revenue: 2_000_000, orders: 1, reversedOrderIds: ["b2"] })
  })

  it("pays each rep under their plan, with what reaches the next tier", () => {
    // a: 110% -> 100,000 + 150,000 + 40,000 = 290,000, less November's clawback 7,000 = 283,000.
    // b: 20% -> 2,000,000 x 0.02 = 40,000, plus December's adjustment 5,000 (not November's) = 45,000.
    expect(rep("a").statement!.earnings).toBe(290_000)
    expect(rep("a").statement!.total).toBe(283_000)
    expect(rep("b").statement!.total).toBe(45_000)
    expect(rep("b").statement!.lines.at(-1)).toMatchObject({ kind: "adjustment", reason: "stand at the trade fair" })
    // c joined on the 10th: 22 of 31 days, target 10,000,000 x 22/31 = 7,096,774.19; 2,000,000 is
    // 28.18%: 2,000,000 x 0.02 = 40,000. Their pacing runs over their own days: 6 of 22 days
    // by now (10th-15th), so 2,000,000 / (7,096,774.19 x 6/22) = 103.3%: on track.
    expect(rep("c").proration).toEqual({ activeDays: 22, periodDays: 31 })
    expect(rep("c").statement!.total).toBe(40_000)
    expect(rep("c").expectedShare).toBeCloseTo(6 / 22, 12)
    expect(rep("c").standings[0].pacing.status).toBe("on_track")
    expect(rep("b").whatIf?.ordersNeeded).toBe(2) // 2,000,000 an order, 3,000,000 short of 50%
    expect(rep("n").statement).toBeNull()
  })

  it("rolls teams up and ranks the leaderboard with pacing marks", () => {
    const east = figures.teams.find((t) => t.teamId === "east")!
    expect(east.revenue).toBe(15_000_000)
    // 15,000,000 of 31,000,000 with 15/31 expected: exactly on the curve.
    expect(east.standings[0].pacing.projectedAttainment).toBeCloseTo(15_000_000 / 15_000_000, 12)
    expect(figures.leaderboard.map((r) => [r.repId, r.rank, r.pace])).toEqual([
      ["a", 1, "on_track"],
      ["c", 2, "on_track"],
      ["b", 3, "off_track"],
      ["n", null, null],
    ])
  })
})
