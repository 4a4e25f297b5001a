import { describe, expect, it } from "vitest"
import { prepareBuckets, prepareFlows } from "./prepared"
import { rhythmSummary } from "./rhythm-summary"
import { at, bucket, flow } from "./__tests__/fixtures"

const now = "2026-06-15T10:30:00.000Z" // Monday 12:30 in Berlin
const input = {
  buckets: [
    bucket("2026-06-08T10:00:00Z", 6), // last Monday 12:00 Berlin
    bucket("2026-06-15T08:00:00Z", 2),
    bucket("2026-06-15T09:00:00Z", 3, "pos"),
  ],
  flows: [
    flow("a", at(now, -30), { firstFulfilledAt: at(now, -20), fullyFulfilledAt: at(now, -20) }),
    flow("b", at(now, -3)),
    flow("c", at(now, -50), { channelId: "pos" }),
  ],
}
const options = {
  timezone: "Europe/Berlin",
  finalStage: "fulfilled" as const,
  slaHours: { fulfilled: 24 },
  window: { fromUtc: "2026-06-08T00:00:00Z", toUtc: "2026-06-16T00:00:00Z" },
}

describe("rhythm summary", () => {
  it("bundles every figure for the same now, window and channels", () => {
    const s = rhythmSummary(input, now, options)
    expect(Object.keys(s)).toEqual(["at", "timezone", "finalStage", "window", "rates", "backlog", "cycleTimes", "sla", "heatMap", "today"])
    expect(s.rates.intake.orders).toBe(11)
    expect(s.backlog.orders).toBe(2)
    expect(s.cycleTimes.final).toMatchObject({ stage: "fulfilled", n: 1, p50: expect.closeTo(10, 0.5) })
    expect(s.sla[0]).toMatchObject({ stage: "fulfilled", completed: 1, completedLate: 0, openLate: 1 })
    expect(s.heatMap.cells[0][12].total).toBe(6)
    expect(s.today.localDate).toBe("2026-06-15")
    expect(s.today.hours.find((h) => h.localHour === 12)).toMatchObject({ state: "current", expected: 6, actual: 0 })
    expect(JSON.parse(JSON.stringify(s))).toEqual(s) // plain data, safe over REST and Socket.IO
  })

  it("prepared input gives the same figures as raw input", () => {
    const prepared = { buckets: prepareBuckets(input.buckets), flows: prepareFlows(input.flows) }
    expect(rhythmSummary(prepared, now, options)).toEqual(rhythmSummary(input, now, options))
  })

  it("channel scope applies to every part", () => {
    const s = rhythmSummary(input, now, { ...options, channels: ["pos"] })
    expect(s.rates.intake.orders).toBe(3)
    expect(s.backlog.orders).toBe(1)
    expect(s.today.hours.find((h) => h.localHour === 12)?.expected).toBe(0)
  })

  it("takes a replacement expected curve and rejects an inverted window", () => {
    const s = rhythmSummary(input, now, { ...options, expectedCurve: () => [{ hourStartUtc: "2026-06-15T10:00:00.000Z", expected: 42, lo: 40, hi: 44 }] })
    expect(s.today.hours.find((h) => h.localHour === 12)?.expected).toBe(42)
    expect(() => rhythmSummary(input, now, { ...options, window: { fromUtc: options.window.toUtc, toUtc: options.window.fromUtc } })).toThrow(/window/)
  })
})
