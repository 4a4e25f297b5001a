import { describe, expect, it } from "vitest"
import { FULL, plan, TARGET } from "./__tests__/plans"
import { earnings } from "./earnings"

const amounts = (e: ReturnType<typeof earnings>) => e.lines.map((l) => l.amount)

describe("tiers", () => {
  it("a tier boundary hit exactly reaches the tier above it", () => {
    // Revenue 100,000.00 CNY = 10,000,000 fen against a target of 10,000,000: attainment 100%.
    // Flat: tier 3 reached, all of it at 4%: 10,000,000 x 0.04 = 400,000 fen (4,000.00).
    const flat = earnings(plan({ tierMode: "flat" }), { quantity: TARGET, target: TARGET, proration: FULL })
    expect(amounts(flat)).toEqual([400_000])
    expect(flat.total).toBe(400_000)
    // One fen short (99.99999%): still tier 2, all at 3%: 9,999,999 x 0.03 = 299,999.97 -> 300,000.
    const short = earnings(plan({ tierMode: "flat" }), { quantity: TARGET - 1, target: TARGET, proration: FULL })
    expect(amounts(short)).toEqual([300_000])
    // Marginal at exactly 100%: 5,000,000 x 0.02 = 100,000; 5,000,000 x 0.03 = 150,000; the 4%
    // band is reached but empty, so no line: total 250,000.
    const marginal = earnings(plan(), { quantity: TARGET, target: TARGET, proration: FULL })
    expect(amounts(marginal)).toEqual([100_000, 150_000])
    expect(marginal.total).toBe(250_000)
  })

  it("flat and marginal on the same attainment", () => {
    // Revenue 12,345,678 fen = 123.45678% of target.
    // Flat: 12,345,678 x 0.04 = 493,827.12 -> 493,827 fen.
    const flat = earnings(plan({ tierMode: "flat" }), { quantity: 12_345_678, target: TARGET, proration: FULL, orderIds: ["o1", "o2"] })
    expect(amounts(flat)).toEqual([493_827])
    expect(flat.lines[0].rate).toBe("0.04")
    // Marginal: 5,000,000 x 0.02 = 100,000; 5,000,000 x 0.03 = 150,000;
    // (12,345,678 - 10,000,000) = 2,345,678 x 0.04 = 93,827.12 -> 93,827. Total 343,827.
    const marginal = earnings(plan(), { quantity: 12_345_678, target: TARGET, proration: FULL, orderIds: ["o1", "o2"] })
    expect(amounts(marginal)).toEqual([100_000, 150_000, 93_827])
    expect(marginal.total).toBe(343_827)
    expect(marginal.lines.map((l) => l.basis)).toEqual([5_000_000, 5_000_000, 2_345_678])
    // Every line names its orders.
    for (const l of [...flat.lines, ...marginal.lines]) expect(l.orderIds).toEqual(["o1", "o2"])
  })

  it("pays on counts at an amount per order", () => {
    // Orders plan: target 40 orders; below 100% 5.00 CNY an order, from 100% 8.00.
    // 45 orders, marginal: 40 x 500 = 20,000 fen; 5 x 800 = 4,000 fen. Total 24,000.
    const p = plan({ metric: "orders", tiers: [{ from: 0, to: 1, rate: 500 }, { from: 1, to: null, rate: 800 }] })
    expect(earnings(p, { quantity: 45, target: 40, proration: FULL }).total).toBe(24_000)
    // Split orders count in fractions: 40.6 orders -> 40 x 500 + 0.6 x 800 = 20,480.
    expect(earnings(p, { quantity: 40.6, target: 40, proration: FULL }).total).toBe(20_480)
  })
})
