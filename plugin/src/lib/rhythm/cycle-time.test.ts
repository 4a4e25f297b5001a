import { describe, expect, it } from "vitest"
import { cycleTimes } from "./cycle-time"
import { DIGEST_RELATIVE_ERROR } from "./flow-digest"
import { at, flow } from "./__tests__/fixtures"

/** A percentile read from the digest: within its stated relative error of the exact one. */
const near = (exact: number) => expect.closeTo(exact, -Math.log10(2 * exact * DIGEST_RELATIVE_ERROR))

const P = "2026-06-02T00:00:00.000Z"
const h = (n: number) => at(P, n)
const flows = [
  flow("o1", P, { firstFulfilledAt: h(2), fullyFulfilledAt: h(2), shippedAt: h(5) }),
  flow("o2", P, { firstFulfilledAt: h(4), fullyFulfilledAt: h(10), shippedAt: h(12) }),
  flow("o3", P, { firstFulfilledAt: h(6), shippedAt: h(8) }), // shipped a part, never complete
  flow("o4", P, { firstFulfilledAt: h(8), fullyFulfilledAt: h(8) }),
  flow("o5", P, { firstFulfilledAt: h(10), fullyFulfilledAt: h(30), shippedAt: h(31), deliveredAt: h(50) }),
  flow("o6", P),
  flow("o7", P, { canceledAt: h(1) }),
  flow("o8", "2026-05-30T00:00:00.000Z", { firstFulfilledAt: "2026-05-30T01:00:00.000Z" }), // placed before the window
]
const window = { fromUtc: "2026-06-01T00:00:00Z", toUtc: "2026-06-08T00:00:00Z" }

describe("cycle time per stage", () => {
  it("p50/p90/n/pending from placed to each stage", () => {
    const c = cycleTimes(flows, window, "2026-06-10T00:00:00Z", "shipped")
    // 2 4 6 8 10
    expect(c.firstFulfilment).toEqual({ p50: near(6), p90: near(9.2), n: 5, pending: 1 })
    // 2 8 10 30: p50 9, p90 = 10 + 0.7 * 20
    expect(c.fullFulfilment).toEqual({ p50: near(9), p90: near(24), n: 4, pending: 2 })
    // 5 8 12 31: p50 10, p90 = 12 + 0.7 * 19
    expect(c.shipment).toEqual({ p50: near(10), p90: near(25.3), n: 4, pending: 2 })
    expect(c.delivery).toEqual({ p50: near(50), p90: near(50), n: 1, pending: 5 })
    expect(c.final).toEqual({ stage: "shipped", ...c.shipment })
  })

  it("ignores stages after now (they are pending then)", () => {
    const c = cycleTimes(flows, window, h(9), "fulfilled")
    expect(c.firstFulfilment).toMatchObject({ n: 4, pending: 2, p50: near(5) })
    expect(c.final).toMatchObject({ stage: "fulfilled", n: 2, pending: 4 }) // o1 at 2h, o4 at 8h
  })

  it("leaves out stages recorded before placement", () => {
    const c = cycleTimes([flow("bad", P, { firstFulfilledAt: h(-3) })], window, h(100), "fulfilled")
    expect(c.firstFulfilment).toEqual({ p50: null, p90: null, n: 0, pending: 0 })
  })
})
