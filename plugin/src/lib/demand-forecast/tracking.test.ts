import { describe, expect, it } from "vitest"
import { addPoint, emptySums, forecastTracking, sumsByDay, trackingFigures, type TrackedPoint } from "./tracking"

const p = (target_date: string, horizon: number, forecast: number, actual: number | null, extra: Partial<TrackedPoint> = {}): TrackedPoint => ({
  target_date,
  horizon,
  forecast,
  lo95: forecast - 2,
  hi95: forecast + 2,
  actual,
  in_stock: true,
  scale: 2,
  ...extra,
})

describe("tracking figures", () => {
  it("scores MASE, bias and coverage by hand", () => {
    const points = [p("d1", 1, 5, 4), p("d2", 1, 5, 8), p("d3", 1, 2, 2)]
    const figures = trackingFigures(points.reduce(addPoint, emptySums()))
    // |errors| 1, 3, 0 over scale 2 -> (0.5 + 1.5 + 0) / 3
    expect(figures.mase).toBeCloseTo(2 / 3, 12)
    // (5-4) + (5-8) + 0 = -2 over 14 actual units: under-forecast
    expect(figures.bias).toBeCloseTo(-2 / 14, 12)
    // 8 is outside [3, 7]
    expect(figures.coverage95).toBeCloseTo(2 / 3, 12)
    expect(figures.pairs).toBe(3)
  })

  it("does not score days not closed yet or out of stock", () => {
    const sums = [p("d1", 1, 5, null), p("d2", 1, 5, 0, { in_stock: false }), p("d3", 1, 5, 5, { in_stock: null })].reduce(addPoint, emptySums())
    expect(trackingFigures(sums)).toEqual({ pairs: 1, mase: 0, bias: 0, coverage95: 1 })
  })

  it("leaves MASE out for a variant with no scale instead of dividing by zero", () => {
    const sums = [p("d1", 1, 1, 0, { scale: null }), p("d2", 1, 1, 0, { scale: 0 })].reduce(addPoint, emptySums())
    expect(trackingFigures(sums)).toMatchObject({ pairs: 2, mase: null, bias: null, coverage95: 1 })
  })

  it("gives the same overall figures from per-day sums as from the points, per horizon and per day", () => {
    const points = [p("d1", 1, 5, 4), p("d1", 7, 3, 4, { scale: 1 }), p("d2", 1, 5, 9), p("d2", 7, 6, 4), p("d3", 7, 1, 1)]
    const tracking = forecastTracking(sumsByDay(points), 7, { from: "d1", to: "d3" })
    expect(tracking.h1).toEqual(trackingFigures(points.filter((x) => x.horizon === 1).reduce(addPoint, emptySums())))
    expect(tracking.leadTime).toEqual(trackingFigures(points.filter((x) => x.horizon === 7).reduce(addPoint, emptySums())))
    expect(tracking.byDay.map((d) => [d.date, d.h1.pairs, d.leadTime.pairs])).toEqual([
      ["d1", 1, 1],
      ["d2", 1, 1],
      ["d3", 0, 1],
    ])
    expect(tracking.byDay[2].h1).toEqual({ pairs: 0, mase: null, bias: null, coverage95: null })
  })

  it("keeps days outside the window out", () => {
    const tracking = forecastTracking(sumsByDay([p("2026-01-01", 1, 5, 4), p("2026-02-01", 1, 5, 4)]), 7, { from: "2026-01-15", to: "2026-02-15" })
    expect(tracking.h1.pairs).toBe(1)
    expect(tracking.byDay.map((d) => d.date)).toEqual(["2026-02-01"])
  })
})
