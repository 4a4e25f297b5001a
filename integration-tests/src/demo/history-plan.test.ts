import { describe, expect, it } from "vitest"
import { planHistory } from "./history-plan"

const NOW = new Date("2026-11-26T16:00:00Z")

describe("the demo's planned history", () => {
  const plan = planHistory({ now: NOW, days: 90, seed: 11 })

  it("is the same for the same seed and now, and different for another seed", () => {
    const again = planHistory({ now: NOW, days: 90, seed: 11 })
    expect(again.orders.length).toBe(plan.orders.length)
    expect(again.orders[100]).toEqual(plan.orders[100])
    expect(planHistory({ now: NOW, days: 90, seed: 12 }).orders.length).not.toBe(plan.orders.length)
  })

  it("lets nothing happen after now, and every step after the one before it", () => {
    const now = NOW.getTime()
    for (const order of plan.orders) {
      const placed = order.placedAt.getTime()
      expect(placed).toBeLessThanOrEqual(now)
      expect(order.updatedAt.getTime()).toBeLessThanOrEqual(now)
      if (order.capturedAt) expect(order.capturedAt.getTime()).toBeGreaterThanOrEqual(placed)
      for (const f of order.fulfilments) {
        expect(f.at.getTime()).toBeGreaterThan(placed)
        expect(f.at.getTime()).toBeLessThanOrEqual(now)
        if (f.shippedAt) expect(f.shippedAt.getTime()).toBeGreaterThanOrEqual(f.at.getTime())
        if (f.deliveredAt) expect(f.deliveredAt.getTime()).toBeGreaterThanOrEqual(f.shippedAt!.getTime())
      }
      for (const r of order.returns) {
        const delivered = Math.min(...order.fulfilments.filter((f) => f.deliveredAt).map((f) => f.deliveredAt!.getTime()))
        expect(r.requestedAt.getTime()).toBeGreaterThan(delivered)
        expect(r.receivedAt === null || r.receivedAt.getTime() <= now).toBe(true)
      }
      if (order.canceledAt) expect(order.fulfilments).toHaveLength(0)
    }
  })

  it("fulfils each line exactly once, from the warehouse that held its units", () => {
    for (const order of plan.orders.filter((o) => !o.canceledAt)) {
      order.lines.forEach((line, index) => {
        const entries = order.fulfilments.flatMap((f) => f.lines.filter((e) => e.line === index).map((e) => ({ ...e, warehouse: f.warehouse })))
        expect(entries.length).toBeLessThanOrEqual(1)
        if (entries.length) {
          expect(entries[0].quantity).toBe(line.quantity)
          expect(entries[0].warehouse).toBe(line.warehouse)
        }
      })
    }
  })

  it("has a store's shape: two channels, two currencies, splits, cancellations, returns, stock-outs", () => {
    const share = (test: (o: (typeof plan.orders)[number]) => boolean) => plan.orders.filter(test).length / plan.orders.length
    expect(plan.orders.length).toBeGreaterThan(3000)
    expect(share((o) => o.channel === "flagship")).toBeGreaterThan(0.05)
    expect(share((o) => o.region === "hk")).toBeGreaterThan(0.05)
    expect(share((o) => o.fulfilments.length > 1)).toBeGreaterThan(0.01)
    expect(share((o) => o.canceledAt !== null)).toBeGreaterThan(0.01)
    expect(share((o) => o.returns.length > 0)).toBeGreaterThan(0.01)
    expect(plan.lostLines).toBeGreaterThan(0)
    expect(plan.stock.every((s) => s.stocked >= s.reserved && s.reserved >= 0)).toBe(true)
    // The newest orders are still open, as in a store that is trading.
    expect(plan.orders.slice(-200).some((o) => !o.canceledAt && o.fulfilments.length === 0)).toBe(true)
  })
})
