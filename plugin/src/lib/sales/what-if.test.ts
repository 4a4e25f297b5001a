import { describe, expect, it } from "vitest"
import { credited, FULL, plan, TARGET } from "./__tests__/plans"
import { nextTierWhatIf, whatIfText } from "./what-if"

describe("what reaches the next tier", () => {
  it("the fewest orders of the rep's average size, and what they add", () => {
    // 9,000,000 fen on 10 orders: an average order of 900,000. Tier 3 starts at 10,000,000:
    // 1,000,000 short, 1,000,000 / 900,000 = 1.11 -> 2 orders, reaching 10,800,000.
    // Now (90%): 100,000 + 4,000,000 x 0.03 = 220,000.
    // Then (108%): 100,000 + 150,000 + 800,000 x 0.04 = 32,000 -> 282,000. Adds 62,000 fen.
    const w = nextTierWhatIf(plan(), credited(9_000_000, [], 10), TARGET, FULL)!
    expect(w).toMatchObject({ tier: "tier 3 (100%+)", ordersNeeded: 2, averageOrder: 900_000, earningsNow: 220_000, earningsThen: 282_000, added: 62_000 })
    expect(whatIfText(w, "cny")).toBe("2 more orders of an average size reach the next tier: +620.00 CNY")
  })

  it("counts in the plan's tier jump for a flat plan, and knows when there is no next tier", () => {
    // Flat: 9,000,000 on 9 orders (1,000,000 each) -> 1 order reaches 10,000,000.
    // Now 9,000,000 x 0.03 = 270,000; then 10,000,000 x 0.04 = 400,000: +130,000.
    const w = nextTierWhatIf(plan({ tierMode: "flat" }), credited(9_000_000, [], 9), TARGET, FULL)!
    expect([w.ordersNeeded, w.added]).toEqual([1, 130_000])
    expect(whatIfText(w, "cny")).toBe("1 more order of an average size reach the next tier: +1300.00 CNY")
    expect(nextTierWhatIf(plan(), credited(12_000_000, [], 10), TARGET, FULL)).toBeNull()
    expect(nextTierWhatIf(plan(), credited(0, [], 0), TARGET, FULL)).toBeNull()
    expect(nextTierWhatIf(plan(), credited(100, [], 1), null, FULL)).toBeNull()
  })
})
