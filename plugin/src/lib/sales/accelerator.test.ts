import { describe, expect, it } from "vitest"
import { FULL, plan, TARGET } from "./__tests__/plans"
import { earnings } from "./earnings"

describe("accelerators above 100%", () => {
  it("pays the commission above target again by (multiplier - 1), on its own rounded line", () => {
    // Marginal, accelerator x1.5 from 100%. Revenue 12,345,679 fen (123.45679%).
    // Tiers: 100,000 + 150,000 + (2,345,679 x 0.04 = 93,827.16 -> 93,827).
    // Accelerator: commission above target 93,827.16 x 0.5 = 46,913.58 -> 46,914.
    // Total 100,000 + 150,000 + 93,827 + 46,914 = 390,741 fen.
    const e = earnings(plan({ accelerators: [{ from: 1, multiplier: 1.5 }] }), { quantity: 12_345_679, target: TARGET, proration: FULL })
    expect(e.lines.map((l) => [l.kind, l.amount])).toEqual([
      ["commission", 100_000],
      ["commission", 150_000],
      ["commission", 93_827],
      ["accelerator", 46_914],
    ])
    expect(e.total).toBe(390_741)
  })

  it("does not compound: each accelerator band at its own multiplier", () => {
    // Flat (all at 4% once 100% is reached), x1.5 from 100%, x2 from 150%. Revenue 16,000,000.
    // Tier: 16,000,000 x 0.04 = 640,000.
    // 100%-150% band: 5,000,000 x 0.04 = 200,000 earned there, x (1.5 - 1) = 100,000.
    // Above 150%: 1,000,000 x 0.04 = 40,000, x (2 - 1) = 40,000. Total 780,000.
    const e = earnings(
      plan({ tierMode: "flat", accelerators: [{ from: 1.5, multiplier: 2 }, { from: 1, multiplier: 1.5 }] }),
      { quantity: 16_000_000, target: TARGET, proration: FULL }
    )
    expect(e.lines.map((l) => l.amount)).toEqual([640_000, 100_000, 40_000])
    expect(e.total).toBe(780_000)
  })

  it("adds nothing below target", () => {
    const e = earnings(plan({ accelerators: [{ from: 1, multiplier: 1.5 }] }), { quantity: TARGET - 1, target: TARGET, proration: FULL })
    expect(e.lines.some((l) => l.kind === "accelerator")).toBe(false)
  })
})
