import { describe, expect, it } from "vitest"
import { bucket } from "./__tests__/fixtures"
import { rhythmSeries } from "./rhythm-series"

const autumnWeekend = { fromUtc: "2026-10-23T22:00:00Z", toUtc: "2026-10-25T23:00:00Z" } // Sat and Sun in Berlin
const buckets = [
  { ...bucket("2026-10-24T10:00:00Z", 2), revenue: { eur: 19.5 } },
  { ...bucket("2026-10-24T10:00:00Z", 1, "pos"), revenue: { eur: 0.5, usd: 3 } },
  bucket("2026-10-25T00:00:00Z", 4),
  bucket("2026-10-25T01:00:00Z", 3),
  bucket("2026-10-26T12:00:00Z", 99), // after the window
]

describe("rhythm series", () => {
  it("local days across the autumn change: 24 and 25 hours", () => {
    const days = rhythmSeries(buckets, autumnWeekend, "Europe/Berlin", "day")
    expect(days.map((d) => [d.localDate, d.startUtc, d.hours, d.orders])).toEqual([
      ["2026-10-24", "2026-10-23T22:00:00.000Z", 24, 3],
      ["2026-10-25", "2026-10-24T22:00:00.000Z", 25, 7],
    ])
    expect(days[0].revenue).toEqual({ eur: 20, usd: 3 })
  })

  it("hours with zeros filled and the repeated hour kept apart", () => {
    const hours = rhythmSeries(buckets, autumnWeekend, "Europe/Berlin", "hour", ["web"])
    expect(hours).toHaveLength(49)
    const sunday = hours.filter((h) => h.localDate === "2026-10-25")
    expect(sunday.slice(1, 5).map((h) => [h.label, h.orders])).toEqual([
      ["01:00", 0],
      ["02:00 +02:00", 4],
      ["02:00 +01:00", 3],
      ["03:00", 0],
    ])
    expect(hours.reduce((s, h) => s + h.orders, 0)).toBe(9)
  })
})
