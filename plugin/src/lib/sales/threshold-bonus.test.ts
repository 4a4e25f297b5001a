import { describe, expect, it } from "vitest"
import { FULL, plan, TARGET } from "./__tests__/plans"
import { earnings } from "./earnings"

describe("threshold bonuses", () => {
  const p = plan({ thresholdBonuses: [{ at: 1, amount: 50_000 }, { at: 1.2, amount: 100_000 }] })

  it("pays a bonus for reaching its threshold exactly", () => {
    // 100%: tiers 100,000 + 150,000 = 250,000, plus the 100% bonus 50,000 = 300,000.
    const e = earnings(p, { quantity: TARGET, target: TARGET, proration: FULL })
    expect(e.lines.map((l) => [l.kind, l.amount])).toEqual([
      ["commission", 100_000],
      ["commission", 150_000],
      ["threshold_bonus", 50_000],
    ])
    expect(e.total).toBe(300_000)
  })

  it("pays each threshold reached once, and not the one a fen away", () => {
    // 11,999,999 fen (119.99999%): 100,000 + 150,000 + 1,999,999 x 0.04 = 79,999.96 -> 80,000,
    // plus the 100% bonus 50,000 = 380,000; the 120% bonus is not reached.
    expect(earnings(p, { quantity: 11_999_999, target: TARGET, proration: FULL }).total).toBe(380_000)
    // 12,000,000: 100,000 + 150,000 + 80,000 + 50,000 + 100,000 = 480,000.
    expect(earnings(p, { quantity: 12_000_000, target: TARGET, proration: FULL }).total).toBe(480_000)
  })
})
