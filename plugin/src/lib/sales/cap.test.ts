import { describe, expect, it } from "vitest"
import { FULL, plan, TARGET } from "./__tests__/plans"
import { earnings } from "./earnings"

describe("the cap", () => {
  it("cuts earnings down to the cap with its own line", () => {
    // Marginal, cap 3,000.00 CNY = 300,000 fen. Revenue 12,000,000 (120%).
    // Tiers: 100,000 + 150,000 + 2,000,000 x 0.04 = 80,000 -> 330,000 earned.
    // Over the cap by 30,000: cap line -30,000, total 300,000.
    const e = earnings(plan({ cap: 300_000 }), { quantity: 12_000_000, target: TARGET, proration: FULL })
    expect(e.lines.map((l) => [l.kind, l.amount])).toEqual([
      ["commission", 100_000],
      ["commission", 150_000],
      ["commission", 80_000],
      ["cap", -30_000],
    ])
    expect(e.total).toBe(300_000)
  })

  it("does nothing under the cap", () => {
    // 11,000,000: 100,000 + 150,000 + 40,000 = 290,000 < 300,000.
    const e = earnings(plan({ cap: 300_000 }), { quantity: 11_000_000, target: TARGET, proration: FULL })
    expect(e.total).toBe(290_000)
    expect(e.lines.some((l) => l.kind === "cap")).toBe(false)
  })
})
