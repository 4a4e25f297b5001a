import { describe, expect, it } from "vitest"
import type { ExpectedCurve } from "./expected-curve"
import { localHoursOfDay } from "./hour-labels"
import { bucket } from "./__tests__/fixtures"
import { todayIntake } from "./today-intake"

const flatCurve: ExpectedCurve = (localDate, timezone) =>
  localHoursOfDay(localDate, timezone).map((h) => ({ hourStartUtc: h.hourStartUtc, expected: 10, lo: 5, hi: 15 }))

describe("today's intake against the expected curve", () => {
  const buckets = [
    bucket("2026-06-14T23:00:00Z", 99), // yesterday
    bucket("2026-06-15T00:00:00Z", 8),
    bucket("2026-06-15T01:00:00Z", 20),
    bucket("2026-06-15T02:00:00Z", 3),
    bucket("2026-06-15T03:00:00Z", 4),
  ]

  it("per hour with band and state, cumulative so far prorating the current hour", () => {
    const t = todayIntake(buckets, "2026-06-15T03:30:00Z", "UTC", flatCurve)
    expect(t.localDate).toBe("2026-06-15")
    expect(t.hours).toHaveLength(24)
    expect(t.hours.slice(0, 5).map((h) => [h.state, h.actual, h.outside, h.cumActual, h.cumExpected])).toEqual([
      ["past", 8, null, 8, 10],
      ["past", 20, "above", 28, 20],
      ["past", 3, "below", 31, 30],
      ["current", 4, null, 35, 40],
      ["future", null, null, null, 50],
    ])
    expect(t.soFar).toEqual({ actual: 35, expected: 35, ratio: 1 })
  })

  it("the local day follows the store's zone, 25 hours on the autumn day", () => {
    const t = todayIntake([bucket("2026-10-25T00:00:00Z", 6)], "2026-10-25T01:30:00Z", "Europe/Berlin", flatCurve)
    expect(t.localDate).toBe("2026-10-25")
    expect(t.hours).toHaveLength(25)
    expect(t.hours.slice(2, 5).map((h) => [h.label, h.state, h.actual])).toEqual([
      ["02:00 +02:00", "past", 6],
      ["02:00 +01:00", "current", 0],
      ["03:00", "future", null],
    ])
    // 3 finished hours and half of the current one expected at 10/hour
    expect(t.soFar).toEqual({ actual: 6, expected: 35, ratio: 6 / 35 })
  })

  it("no expectation yet gives a null ratio", () => {
    const t = todayIntake([], "2026-06-15T00:00:00Z", "UTC", () => [])
    expect(t.soFar).toEqual({ actual: 0, expected: 0, ratio: null })
  })
})
