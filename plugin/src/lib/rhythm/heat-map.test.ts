import { describe, expect, it } from "vitest"
import { heatMapFromTotals, hourOfWeekHeatMap, hourOfWeekTotals } from "./heat-map"
import { bucket } from "./__tests__/fixtures"

const berlin = "Europe/Berlin"
// Monday 2026-06-01 00:00 in Berlin (summer time, +2)
const mondayStart = "2026-05-31T22:00:00Z"
const weeksLater = (n: number) => new Date(Date.parse(mondayStart) + n * 7 * 86_400_000).toISOString()
// Monday 12:00 Berlin = 10:00Z
const mondayNoon = [bucket("2026-06-01T10:00:00Z", 3), bucket("2026-06-08T10:00:00Z", 2, "web"), bucket("2026-06-08T10:00:00Z", 3, "pos")]

describe("hour-of-week heat map", () => {
  it("averages per occurrence: two Mondays at 12:00 with 3 and 5 orders -> 4", () => {
    const m = hourOfWeekHeatMap(mondayNoon, { fromUtc: mondayStart, toUtc: weeksLater(2) }, berlin)
    expect(m.cells[0][12]).toEqual({ weekday: 1, hour: 12, occurrences: 2, total: 8, average: 4 })
    expect(m.cells[0][11]).toEqual({ weekday: 1, hour: 11, occurrences: 2, total: 0, average: 0 })
  })

  it("a third Monday with no orders lowers it to 8/3", () => {
    const m = hourOfWeekHeatMap(mondayNoon, { fromUtc: mondayStart, toUtc: weeksLater(3) }, berlin)
    expect(m.cells[0][12].occurrences).toBe(3)
    expect(m.cells[0][12].average).toBeCloseTo(8 / 3, 12)
  })

  it("filters channels", () => {
    const m = hourOfWeekHeatMap(mondayNoon, { fromUtc: mondayStart, toUtc: weeksLater(2) }, berlin, { channels: ["web"] })
    expect(m.cells[0][12].average).toBe(2.5)
  })

  it("autumn DST: Sunday 02:00 occurs twice that day; spring: not at all", () => {
    const autumn = hourOfWeekHeatMap(
      [bucket("2026-10-25T00:00:00Z", 4), bucket("2026-10-25T01:00:00Z", 2)],
      { fromUtc: "2026-10-24T22:00:00Z", toUtc: "2026-10-25T23:00:00Z" },
      berlin
    )
    expect(autumn.cells[6][2]).toEqual({ weekday: 7, hour: 2, occurrences: 2, total: 6, average: 3 })
    expect(autumn.cells[6][3].occurrences).toBe(1)
    expect(autumn.cells.flat().reduce((s, c) => s + c.occurrences, 0)).toBe(25)

    const spring = hourOfWeekHeatMap([], { fromUtc: "2026-03-28T23:00:00Z", toUtc: "2026-03-29T22:00:00Z" }, berlin)
    expect(spring.cells[6][2]).toMatchObject({ occurrences: 0, average: null })
    expect(spring.cells.flat().reduce((s, c) => s + c.occurrences, 0)).toBe(23)
  })

  it("peaks and troughs are the top and bottom decile of cell averages", () => {
    // every hour of one week carries its hour of day as the order count: 0..23, seven times each
    const from = Date.parse("2026-06-01T00:00:00Z")
    const buckets = Array.from({ length: 168 }, (_, i) => bucket(new Date(from + i * 3_600_000).toISOString(), i % 24))
    const m = hourOfWeekHeatMap(buckets, { fromUtc: "2026-06-01T00:00:00Z", toUtc: "2026-06-08T00:00:00Z" }, "UTC")
    // p10 of 168 values: rank 16.7 -> 2; p90: rank 150.3 -> 21
    expect(m.thresholds).toEqual({ peak: 21, trough: 2 })
    expect(m.peaks).toHaveLength(21)
    expect(new Set(m.peaks.map((p) => p.hour))).toEqual(new Set([21, 22, 23]))
    expect(new Set(m.troughs.map((p) => p.hour))).toEqual(new Set([0, 1, 2]))
  })

  it("a flat week has neither peaks nor troughs; a mostly empty one still shows its busy hour", () => {
    const flat = hourOfWeekHeatMap([], { fromUtc: "2026-06-01T00:00:00Z", toUtc: "2026-06-08T00:00:00Z" }, "UTC")
    expect([flat.peaks, flat.troughs]).toEqual([[], []])
    const sparse = hourOfWeekHeatMap([bucket("2026-06-01T12:00:00Z", 5)], { fromUtc: "2026-06-01T00:00:00Z", toUtc: "2026-06-08T00:00:00Z" }, "UTC")
    expect(sparse.peaks).toEqual([{ weekday: 1, hour: 12 }])
    expect(sparse.troughs).toEqual([])
  })

  it("sums per hour-of-week over whole hours only, so totals summed by the store give the same map", () => {
    const window = { fromUtc: "2026-10-24T22:30:00Z", toUtc: "2026-10-25T23:00:00Z" }
    const buckets = [bucket("2026-10-24T22:00:00Z", 9), bucket("2026-10-25T00:00:00Z", 2), bucket("2026-10-25T01:00:00Z", 4), bucket("2026-10-25T10:00:00Z", 1)]
    const totals = hourOfWeekTotals(buckets, window, berlin)
    // 22:00 UTC started before the window: left out. Both 02:00 of the autumn night are Sunday 02:00.
    expect(totals[6 * 24 + 2]).toBe(6)
    expect(totals[6 * 24 + 11]).toBe(1)
    expect(totals.reduce((a, b) => a + b, 0)).toBe(7)
    // Occurrences come from the clock: the window holds the autumn Sunday's 02:00 twice.
    const map = heatMapFromTotals(Array.from(totals), window, berlin)
    expect(map.cells[6][2]).toEqual({ weekday: 7, hour: 2, occurrences: 2, total: 6, average: 3 })
    expect(map.cells[6][11]).toEqual({ weekday: 7, hour: 11, occurrences: 1, total: 1, average: 1 })
    expect(map.cells.flat().reduce((sum, cell) => sum + cell.occurrences, 0)).toBe(24)
  })
})
