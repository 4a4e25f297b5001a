import { describe, expect, it } from "vitest"
import { flowRates } from "./flow-rates"
import type { HourBucket } from "./types"

const b = (hourStartUtc: string, channelId: string, orders: number, units: number, fulfilments: number, fulfilledUnits?: number): HourBucket => ({
  hourStartUtc, channelId, orders, units, revenue: {}, fulfilments, fulfilledUnits, cancellations: 0, returns: 0,
})

const buckets = [
  b("2026-05-31T23:00:00Z", "a", 100, 100, 100, 100), // before the window
  b("2026-06-01T00:00:00Z", "a", 4, 6, 2, 3),
  b("2026-06-01T02:00:00Z", "b", 7, 5, 1, 2),
  b("2026-06-01T05:00:00Z", "a", 1, 1, 0, 0), // hour in progress
  b("2026-06-01T06:00:00Z", "a", 50, 50, 50, 50), // after now
]
const window = { fromUtc: "2026-06-01T00:00:00Z", toUtc: "2026-06-01T10:00:00Z" }

describe("flow rates", () => {
  it("divides by elapsed hours up to now", () => {
    const r = flowRates(buckets, window, "2026-06-01T05:30:00Z")
    expect(r.hours).toBe(5.5)
    expect(r.intake).toEqual({ orders: 12, units: 12, ordersPerHour: 12 / 5.5, unitsPerHour: 12 / 5.5 })
    expect(r.fulfilment).toEqual({ fulfilments: 3, fulfilmentsPerHour: 3 / 5.5, units: 5, unitsPerHour: 5 / 5.5 })
  })
  it("filters by channel; an empty list means none", () => {
    expect(flowRates(buckets, window, "2026-06-01T05:30:00Z", ["a"]).intake.orders).toBe(5)
    expect(flowRates(buckets, window, "2026-06-01T05:30:00Z", []).intake.orders).toBe(0)
  })
  it("gives null units/hour when a bucket lacks fulfilled units", () => {
    const r = flowRates([...buckets, b("2026-06-01T01:00:00Z", "a", 1, 1, 1)], window, "2026-06-01T05:30:00Z")
    expect(r.fulfilment.units).toBeNull()
    expect(r.fulfilment.unitsPerHour).toBeNull()
    expect(r.fulfilment.fulfilments).toBe(4)
  })
  it("uses the whole window once it has passed", () => {
    expect(flowRates(buckets, window, "2026-07-01T00:00:00Z").hours).toBe(10)
  })
})
