import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { FULL, plan } from "./__tests__/plans"
import { earnings } from "./earnings"
import { add, mul, ratio, ZERO } from "./exact-ratio"
import type { Tier } from "./pay-plan"
import { splitRevenue } from "./split"
import { commissionParts, tierBands } from "./tier"

/** A tier table from 0 up: edges in whole percent, rates in basis points (non-decreasing when asked). */
const tierTable = (nonDecreasing: boolean) =>
  fc
    .tuple(fc.uniqueArray(fc.integer({ min: 1, max: 300 }), { maxLength: 4 }), fc.array(fc.integer({ min: 0, max: 2_000 }), { minLength: 5, maxLength: 5 }))
    .map(([edges, rates]): Tier[] => {
      const starts = [0, ...edges.sort((a, b) => a - b)]
      const rs = nonDecreasing ? [...rates].sort((a, b) => a - b) : rates
      return starts.map((s, i) => ({ from: `${s / 100}`, to: i + 1 < starts.length ? `${starts[i + 1] / 100}` : null, rate: `${rs[i] / 10_000}` }))
    })

const target = fc.integer({ min: 1, max: 50_000_000 })
const quantity = fc.integer({ min: 0, max: 200_000_000 })

describe("pay properties", () => {
  it("marginal pay is monotone and continuous in attainment", () => {
    fc.assert(
      fc.property(tierTable(false), target, quantity, fc.integer({ min: 1, max: 1_000 }), (tiers, t, q, step) => {
        const p = plan({ tierMode: "marginal", tiers })
        const now = earnings(p, { quantity: q, target: t, proration: FULL })
        const more = earnings(p, { quantity: q + step, target: t, proration: FULL })
        expect(more.total).toBeGreaterThanOrEqual(now.total)
        // Continuous: a step of `step` fen adds at most step x the top rate, plus a fen of
        // rounding for each line.
        const top = Math.max(...tiers.map((x) => Number(x.rate)))
        expect(more.total - now.total).toBeLessThanOrEqual(step * top + tiers.length + 1)
      }),
      { numRuns: 300 }
    )
  })

  it("flat pay is monotone when rates do not fall from tier to tier", () => {
    fc.assert(
      fc.property(tierTable(true), target, quantity, fc.integer({ min: 1, max: 5_000_000 }), (tiers, t, q, step) => {
        const p = plan({ tierMode: "flat", tiers })
        expect(earnings(p, { quantity: q + step, target: t, proration: FULL }).total).toBeGreaterThanOrEqual(earnings(p, { quantity: q, target: t, proration: FULL }).total)
      }),
      { numRuns: 300 }
    )
  })

  it("the total is the sum of the rounded lines, each within half a minor unit of its exact amount", () => {
    fc.assert(
      fc.property(tierTable(false), target, quantity, fc.boolean(), (tiers, t, q, flat) => {
        const p = plan({ tierMode: flat ? "flat" : "marginal", tiers, accelerators: [{ from: 1, multiplier: "1.25" }], thresholdBonuses: [{ at: 1, amount: 12_345 }] })
        const e = earnings(p, { quantity: q, target: t, proration: { activeDays: 17, periodDays: 31 } })
        expect(e.total).toBe(e.lines.reduce((s, l) => s + l.amount, 0))
        for (const l of e.lines) expect(Number.isInteger(l.amount)).toBe(true)
        // Commission lines against their exact, unrounded amounts.
        const exact = commissionParts(p, tierBands(tiers), ratio(q), mul(ratio(t), { n: 17n, d: 31n }))
        const lines = e.lines.filter((l) => l.kind === "commission")
        expect(lines.length).toBe(exact.length)
        exact.forEach((c, i) => expect(Math.abs(lines[i].amount - Number(c.amount.n) / Number(c.amount.d))).toBeLessThanOrEqual(0.5 + 1e-9))
        const exactSum = exact.reduce((s, c) => add(s, c.amount), ZERO)
        expect(Math.abs(lines.reduce((s, l) => s + l.amount, 0) - Number(exactSum.n) / Number(exactSum.d))).toBeLessThanOrEqual(0.5 * lines.length + 1e-9)
      }),
      { numRuns: 300 }
    )
  })

  it("a split's parts add up to the order, each within a minor unit of its share", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 6 }), (revenue, weights) => {
        const shares = weights.map((w, i) => ({ repId: `r${i}`, percent: w }))
        const parts = splitRevenue(revenue, shares)
        expect(parts.reduce((s, p) => s + p.revenue, 0)).toBe(revenue)
        const sum = weights.reduce((s, w) => s + w, 0)
        parts.forEach((p, i) => expect(Math.abs(p.revenue - (revenue * weights[i]) / sum)).toBeLessThan(1))
      })
    )
  })
})
