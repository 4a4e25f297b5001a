import { describe, expect, it } from "vitest"
import { backlogAt } from "./backlog"
import { at, flow } from "./__tests__/fixtures"

const now = "2026-06-10T12:00:00.000Z"
const ago = (h: number) => at(now, -h)

const flows = [
  flow("g", ago(1), { units: 1, fullyFulfilledAt: at(now, 2) }), // fulfilled after now: still open at now
  flow("a", ago(2), { units: 2 }),
  flow("b", ago(5), { units: 3, firstFulfilledAt: ago(1) }), // partly fulfilled: still open
  flow("c", ago(24), { units: 4 }),
  flow("d", ago(50), { units: 5, shippedAt: ago(10) }), // shipped part, not fully fulfilled
  flow("x", ago(30), { canceledAt: ago(29), units: 9 }),
  flow("y", ago(30), { fullyFulfilledAt: ago(3), units: 9 }),
  flow("z", at(now, 1), { units: 9 }), // placed after now
  flow("m", ago(100), { channelId: "pos", units: 7 }),
]

describe("backlog at now", () => {
  it("counts open orders with their ages (final stage: fulfilled)", () => {
    const b = backlogAt(flows, now, "fulfilled", { channels: ["web"] })
    expect(b.orders).toBe(5)
    expect(b.units).toBe(15)
    // ages 1, 2, 5, 24, 50 -> p50 5, p90 = 24 + 0.6 * (50 - 24)
    expect(b.ageHours.p50).toBe(5)
    expect(b.ageHours.p90).toBeCloseTo(39.6, 10)
    expect(b.ageHours.max).toBe(50)
    expect(b.ageBuckets.map((x) => [x.fromHours, x.toHours, x.orders, x.units])).toEqual([
      [0, 4, 2, 3],
      [4, 8, 1, 3],
      [8, 24, 0, 0],
      [24, 48, 1, 4],
      [48, 72, 1, 5],
      [72, 168, 0, 0],
      [168, null, 0, 0],
    ])
  })

  it("depends on the final stage: shipped closes d and reopens y", () => {
    const b = backlogAt(flows, now, "shipped", { channels: ["web"] })
    expect(b.orders).toBe(5) // g a b c y
    expect(b.ageHours.max).toBe(30)
  })

  it("a delivery without a recorded shipment still closes a shipped-final order", () => {
    const b = backlogAt([flow("q", ago(40), { deliveredAt: ago(2) })], now, "shipped")
    expect(b.orders).toBe(0)
  })

  it("all channels by default; custom edges; empty backlog", () => {
    expect(backlogAt(flows, now, "fulfilled").orders).toBe(6)
    const custom = backlogAt(flows, now, "fulfilled", { ageEdgesHours: [0, 48] })
    expect(custom.ageBuckets.map((x) => x.orders)).toEqual([4, 2])
    expect(backlogAt([], now, "fulfilled").ageHours).toEqual({ p50: null, p90: null, max: null })
  })
})
