import { describe, expect, it } from "vitest"
import { seasonalProfileCurve } from "./expected-curve"
import { forecastScaledCurve } from "./forecast-curve"
import { rhythmSummary } from "./rhythm-summary"
import { bucket } from "./__tests__/fixtures"

const DAY = 86_400_000
// Monday 2026-06-15 (UTC): past Mondays had 6 orders at 09:00 and 2 at 15:00, two units each
const history = [1, 2, 3, 4].flatMap((k) => [
  bucket(new Date(Date.parse("2026-06-15T09:00:00Z") - k * 7 * DAY).toISOString(), 6, "web", 12),
  bucket(new Date(Date.parse("2026-06-15T15:00:00Z") - k * 7 * DAY).toISOString(), 2, "web", 4),
])
const shape = seasonalProfileCurve(history)
const hourOf = (curve: ReturnType<typeof seasonalProfileCurve>, h: number) => curve("2026-06-15", "UTC")[h]

describe("expected curve from the demand forecasts", () => {
  it("scales the past weeks' hour shape to the forecast's day total, in orders", () => {
    // 40 units forecast at 0.5 orders per unit = 20 orders, against 8 the history expects
    const curve = forecastScaledCurve(shape, { "2026-06-15": 40 }, 0.5)
    expect(hourOf(curve, 9).expected).toBeCloseTo(15, 10)
    expect(hourOf(curve, 15).expected).toBeCloseTo(5, 10)
    expect(curve("2026-06-15", "UTC").reduce((s, h) => s + h.expected, 0)).toBeCloseTo(20, 10)
    expect(hourOf(curve, 9).hi).toBeGreaterThanOrEqual(15 + 1.28 * Math.sqrt(15))
  })

  it("falls back to the seasonal profile on days without a forecast", () => {
    const curve = forecastScaledCurve(shape, { "2026-06-16": 40 }, 0.5)
    expect(curve("2026-06-15", "UTC")).toEqual(shape("2026-06-15", "UTC"))
    expect(forecastScaledCurve(shape, { "2026-06-15": 40 }, null)("2026-06-15", "UTC")).toEqual(shape("2026-06-15", "UTC"))
  })

  it("spreads the total evenly when there is no history to shape it", () => {
    const curve = forecastScaledCurve(seasonalProfileCurve([]), { "2026-06-15": 48 }, 0.5)
    const day = curve("2026-06-15", "UTC")
    expect(day).toHaveLength(24)
    expect(day.every((h) => h.expected === 1)).toBe(true)
  })

  it("is what today's intake is judged against in the summary", () => {
    const curve = forecastScaledCurve(shape, { "2026-06-15": 40 }, 0.5)
    const window = { fromUtc: "2026-06-14T00:00:00Z", toUtc: "2026-06-15T12:00:00Z" }
    const summary = rhythmSummary({ buckets: history, flows: [] }, "2026-06-15T12:00:00Z", {
      timezone: "UTC",
      finalStage: "shipped",
      window,
      slaHours: {},
      expectedCurve: curve,
    })
    expect(summary.today.hours[9].expected).toBeCloseTo(15, 10)
    expect(summary.today.soFar.expected).toBeCloseTo(15, 10)
  })
})
