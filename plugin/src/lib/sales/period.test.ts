import { describe, expect, it } from "vitest"
import { learnWeekShape, periodDemandCurve } from "./demand-curve"
import { customPeriod, localDateAt, monthPeriod, periodAt, periodDays, periodEdges, quarterPeriod } from "./period"

describe("periods in the store's zone", () => {
  it("a month's edges are its local midnights", () => {
    // Shanghai is UTC+8 all year: December 2026 runs 2026-11-30T16:00Z .. 2026-12-31T16:00Z.
    const dec = monthPeriod("2026-12", "Asia/Shanghai")
    expect(dec).toMatchObject({ start: "2026-12-01", end: "2026-12-31" })
    const e = periodEdges(dec)
    expect(new Date(e.startMs).toISOString()).toBe("2026-11-30T16:00:00.000Z")
    expect(new Date(e.endMs).toISOString()).toBe("2026-12-31T16:00:00.000Z")
  })

  it("a month across a DST change has 743 hours, and its curve 743 hours", () => {
    const march = monthPeriod("2026-03", "America/New_York")
    const e = periodEdges(march)
    expect((e.endMs - e.startMs) / 3_600_000).toBe(743)
    const curve = periodDemandCurve(march, learnWeekShape([], "America/New_York", { fromMs: 0, toMs: 0 }))
    expect(curve.hourStarts.length).toBe(743)
  })

  it("quarters, custom periods and the period at an instant", () => {
    expect(quarterPeriod("2026-Q4", "UTC")).toMatchObject({ start: "2026-10-01", end: "2026-12-31" })
    expect(periodDays(quarterPeriod("2026-Q1", "UTC"))).toBe(90)
    expect(periodDays(customPeriod("singles-day", "2026-11-01", "2026-11-11", "UTC"))).toBe(11)
    expect(() => customPeriod("bad", "2026-11-11", "2026-11-01", "UTC")).toThrow()
    // 2026-11-30T17:00Z is already 1 December in Shanghai.
    const t = Date.parse("2026-11-30T17:00:00Z")
    expect(periodAt("month", t, "Asia/Shanghai").id).toBe("2026-12")
    expect(periodAt("month", t, "UTC").id).toBe("2026-11")
    expect(periodAt("quarter", t, "Asia/Shanghai").id).toBe("2026-Q4")
    expect(localDateAt(t, "Asia/Shanghai")).toBe("2026-12-01")
  })
})
