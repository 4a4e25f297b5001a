import { describe, expect, it } from "vitest"
import { digestFlows, digestQuantile, DIGEST_RELATIVE_ERROR, mergeDigests, reachedCount } from "./flow-digest"
import { percentile } from "./percentile"
import { at, flow } from "./__tests__/fixtures"
import type { OrderFlow } from "./types"

const P = "2026-06-02T00:00:00.000Z"
const NOW = Date.parse("2026-07-01T00:00:00Z")

/** Orders with log-normal fulfilment times, some canceled, some still open: a seeded mix. */
function orders(count: number, seed: number): OrderFlow[] {
  let s = seed
  const random = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648
  return Array.from({ length: count }, (_, i) => {
    const placed = at(P, random() * 24 * 20)
    const hours = Math.exp(1 + 1.5 * (random() + random() + random() - 1.5))
    const fate = random()
    if (fate < 0.05) return flow(`c${seed}-${i}`, placed, { canceledAt: at(placed, 1) })
    if (fate < 0.15) return flow(`o${seed}-${i}`, placed)
    return flow(`f${seed}-${i}`, placed, { firstFulfilledAt: at(placed, hours), fullyFulfilledAt: at(placed, hours * 1.5), shippedAt: at(placed, hours * 2) })
  })
}

describe("flow digest", () => {
  it("percentiles stay within the stated relative error of the exact ones", () => {
    const flows = orders(2000, 3)
    const digest = digestFlows(flows, NOW, {})
    const exact = flows.filter((f) => f.fullyFulfilledAt).map((f) => (Date.parse(f.fullyFulfilledAt!) - Date.parse(f.placedAt)) / 3_600_000)
    for (const p of [0.1, 0.5, 0.9, 0.99]) {
      const want = percentile(exact, p)!
      expect(Math.abs(digestQuantile(digest.stages.fulfilled, p)! - want) / want).toBeLessThanOrEqual(DIGEST_RELATIVE_ERROR)
    }
    expect(reachedCount(digest.stages.fulfilled)).toBe(exact.length)
  })

  it("counts exactly: reached, pending (canceled ones are not), late against the targets", () => {
    const flows = [
      flow("a", P, { capturedAt: at(P, 1), fullyFulfilledAt: at(P, 10) }),
      flow("b", P, { capturedAt: at(P, 3), fullyFulfilledAt: at(P, 30) }),
      flow("c", P, { canceledAt: at(P, 2) }),
      flow("d", P),
      flow("e", P, { shippedAt: at(P, 5) }), // a shipment proves the first fulfilment, not the full one
    ]
    const d = digestFlows(flows, NOW, { captured: 2, fulfilled: 24 })
    expect(d.orders).toBe(5)
    expect(d.stages.captured).toMatchObject({ pending: 2, late: 1 })
    expect(d.stages.fulfilled).toMatchObject({ pending: 2, late: 1 })
    expect(reachedCount(d.stages.firstFulfilled)).toBe(3) // a and b by their full fulfilment, e by its shipment
    expect(d.stages.delivered).toMatchObject({ pending: 4, late: 0, counts: [] })
  })

  it("a stage at the moment of placement is zero hours; one after now is pending", () => {
    const d = digestFlows([flow("a", P, { capturedAt: P }), flow("b", P, { capturedAt: "2026-08-01T00:00:00Z" })], NOW, {})
    expect(d.stages.captured).toMatchObject({ zero: 1, pending: 1 })
    expect(digestQuantile(d.stages.captured, 0.5)).toBe(0)
  })

  it("merging the digests of disjoint cohorts equals the digest of their union", () => {
    const a = orders(300, 5)
    const b = orders(40, 9)
    const c: OrderFlow[] = []
    const slaHours = { fulfilled: 12, shipped: 30 }
    expect(mergeDigests([digestFlows(a, NOW, slaHours), digestFlows(b, NOW, slaHours), digestFlows(c, NOW, slaHours)])).toEqual(
      digestFlows([...a, ...b], NOW, slaHours)
    )
  })

  it("has no percentile without orders at the stage", () => {
    expect(digestQuantile(digestFlows([], NOW, {}).stages.shipped, 0.5)).toBeNull()
  })
})
