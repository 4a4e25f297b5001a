import { describe, expect, it } from "vitest"
import { slaBreaches } from "./sla-breaches"
import { flow } from "./__tests__/fixtures"

const now = "2026-06-10T12:00:00Z"
const window = { fromUtc: "2026-06-08T00:00:00Z", toUtc: "2026-06-11T00:00:00Z" }
const flows = [
  flow("a", "2026-06-09T00:00:00Z", { fullyFulfilledAt: "2026-06-09T20:00:00Z", shippedAt: "2026-06-10T01:00:00Z" }),
  flow("b", "2026-06-08T00:00:00Z", { fullyFulfilledAt: "2026-06-09T06:00:00Z", shippedAt: "2026-06-10T06:00:00Z" }), // 30h, 54h
  flow("c", "2026-06-05T00:00:00Z", { fullyFulfilledAt: "2026-06-06T00:00:00Z" }), // fulfilled before the window, never shipped
  flow("d", "2026-06-09T06:00:00Z"), // 30h old, nothing done
  flow("e", "2026-06-01T00:00:00Z", { canceledAt: "2026-06-01T01:00:00Z" }),
  flow("f", "2026-06-10T00:00:00Z"), // 12h old
  flow("g", "2026-06-07T12:00:00Z", { fullyFulfilledAt: "2026-06-08T12:00:00Z", shippedAt: "2026-06-09T12:00:00Z" }), // exactly on target
]
const slaHours = { fulfilled: 24, shipped: 48, delivered: 72 }

describe("SLA breaches", () => {
  it("counts completed-late over the window's cohort and open-late at now; skips stages after the final one", () => {
    const r = slaBreaches(flows, window, now, { finalStage: "shipped", slaHours })
    expect(r.map((s) => s.stage)).toEqual(["fulfilled", "shipped"])
    expect(r[0]).toEqual({
      stage: "fulfilled",
      targetHours: 24,
      // placed in the window and fulfilled: a (20h) and b (30h, late); g and c were placed before it
      completed: 2,
      completedLate: 1,
      openLate: 1,
      oldestOpenLate: [{ orderId: "d", channelId: "web", placedAt: "2026-06-09T06:00:00Z", ageHours: 30, overHours: 6 }],
    })
    expect(r[1]).toMatchObject({ stage: "shipped", completed: 2, completedLate: 1, openLate: 1 })
    expect(r[1].oldestOpenLate.map((o) => [o.orderId, o.ageHours, o.overHours])).toEqual([["c", 132, 84]])
  })

  it("includes delivery when it is the final stage; oldest first, limited", () => {
    const later = "2026-06-11T12:00:00Z"
    const r = slaBreaches(flows, window, later, { finalStage: "delivered", slaHours, oldestLimit: 2 })
    const delivered = r.find((s) => s.stage === "delivered")!
    // nothing delivered; ages at `later`: c 156h, g 96h, b 84h are past 72h; a 60h, d 54h, f 36h are not
    expect(delivered).toMatchObject({ completed: 0, completedLate: 0, openLate: 3 })
    expect(delivered.oldestOpenLate.map((o) => [o.orderId, o.overHours])).toEqual([["c", 84], ["g", 24]])
    // at `now` g is exactly 72h old: on the target is not late
    const atNow = slaBreaches(flows, window, now, { finalStage: "delivered", slaHours })
    expect(atNow[2].oldestOpenLate.map((o) => o.orderId)).toEqual(["c"])
  })

  it("payment capture has its own target and is kept whatever the final stage", () => {
    const captured = [
      flow("p1", "2026-06-10T00:00:00Z", { capturedAt: "2026-06-10T03:00:00Z" }), // 3h: late against 2h
      flow("p2", "2026-06-10T06:00:00Z", { capturedAt: "2026-06-10T07:00:00Z" }),
      flow("p3", "2026-06-10T09:00:00Z"), // 3h without capture: late
      flow("p4", "2026-06-10T11:00:00Z"), // 1h: not yet
    ]
    const r = slaBreaches(captured, window, now, { finalStage: "fulfilled", slaHours: { captured: 2 } })
    expect(r).toEqual([
      {
        stage: "captured",
        targetHours: 2,
        completed: 2,
        completedLate: 1,
        openLate: 1,
        oldestOpenLate: [{ orderId: "p3", channelId: "web", placedAt: "2026-06-10T09:00:00Z", ageHours: 3, overHours: 1 }],
      },
    ])
  })

  it("stages without a target are not reported", () => {
    expect(slaBreaches(flows, window, now, { finalStage: "delivered", slaHours: { shipped: 48 } }).map((s) => s.stage)).toEqual(["shipped"])
  })

  it("counts only orders still waiting: one at the final stage is done, even with an earlier stage unrecorded", () => {
    // Delivered (which proves shipped) without a recorded capture: with shipping final it waits for nothing.
    const done = flow("h", "2026-06-09T00:00:00Z", { deliveredAt: "2026-06-09T10:00:00Z" })
    const waiting = flow("i", "2026-06-09T00:00:00Z")
    const r = slaBreaches([done, waiting], window, now, { finalStage: "shipped", slaHours: { captured: 2 } })
    expect(r[0].oldestOpenLate.map((o) => o.orderId)).toEqual(["i"])
  })

  it("takes open-and-late orders counted elsewhere as they are, limited, beside the cohort's counts", () => {
    const counted = { openLate: 12, oldestOpenLate: [{ orderId: "x", channelId: "web", placedAt: "2026-06-01T00:00:00Z", ageHours: 228, overHours: 204 }] }
    const r = slaBreaches(flows, window, now, { finalStage: "shipped", slaHours, openLate: { fulfilled: counted } })
    expect(r[0]).toMatchObject({ stage: "fulfilled", completed: 2, completedLate: 1, openLate: 12, oldestOpenLate: counted.oldestOpenLate })
    // A stage the count left out has no open-and-late orders (it is not read from the flows).
    expect(r[1]).toMatchObject({ stage: "shipped", openLate: 0, oldestOpenLate: [] })
  })
})
