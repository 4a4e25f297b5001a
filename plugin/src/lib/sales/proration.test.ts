import { describe, expect, it } from "vitest"
import { credited, DEC, plan, TARGET } from "./__tests__/plans"
import { earnings } from "./earnings"
import { prorationFor } from "./proration"
import { statementFor } from "./statement"

describe("proration for a rep who joins or leaves mid-period", () => {
  it("counts the active days of the period", () => {
    expect(prorationFor(DEC, "2026-12-17")).toEqual({ activeDays: 15, periodDays: 31 })
    expect(prorationFor(DEC, "2026-11-01", "2026-12-10")).toEqual({ activeDays: 10, periodDays: 31 })
    expect(prorationFor(DEC, "2027-01-02")).toEqual({ activeDays: 0, periodDays: 31 })
    expect(prorationFor(DEC)).toEqual({ activeDays: 31, periodDays: 31 })
  })

  it("a mid-period join: target, bonus and cap prorated, commission on every order", () => {
    // Joins 17 December: 15 of 31 days. Target 10,000,000 x 15/31 = 150,000,000/31 = 4,838,709.68.
    // Revenue 5,000,000 -> attainment 5,000,000 / (150,000,000/31) = 31/30 = 103.33%.
    // Marginal: band 1 (0-50%) 75,000,000/31 x 0.02 = 1,500,000/31 = 48,387.10 -> 48,387
    //           band 2 (50-100%) 75,000,000/31 x 0.03 = 2,250,000/31 = 72,580.65 -> 72,581
    //           band 3 (5,000,000 - 150,000,000/31) = 5,000,000/31 x 0.04 = 200,000/31 = 6,451.61 -> 6,452
    // Bonus at 100%: 50,000 x 15/31 = 750,000/31 = 24,193.55 -> 24,194.
    // Earned 48,387 + 72,581 + 6,452 + 24,194 = 151,614 fen.
    const p = plan({ thresholdBonuses: [{ at: 1, amount: 50_000 }] })
    const proration = prorationFor(DEC, "2026-12-17")
    const s = statementFor({ repId: "r", period: DEC, plan: p, target: TARGET, credited: credited(5_000_000, ["j1", "j2"]), proration })
    expect(s.proratedTarget).toBeCloseTo(4_838_709.677, 2)
    expect(s.attainment).toBeCloseTo(31 / 30, 12)
    expect(s.lines.map((l) => l.amount)).toEqual([48_387, 72_581, 6_452, 24_194])
    expect(s.total).toBe(151_614)
    // With a cap of 300,000, prorated: 4,500,000/31 = 145,161.29 -> 145,161; cut 145,161 - 151,614 = -6,453.
    const capped = earnings(plan({ thresholdBonuses: [{ at: 1, amount: 50_000 }], cap: 300_000 }), { quantity: 5_000_000, target: TARGET, proration })
    expect(capped.lines.at(-1)).toMatchObject({ kind: "cap", amount: -6_453 })
    expect(capped.total).toBe(145_161)
    // The same 5,000,000 over the whole month is only 50%: 5,000,000 x 0.02 = 100,000, no bonus.
    expect(earnings(p, { quantity: 5_000_000, target: TARGET, proration: prorationFor(DEC) }).total).toBe(100_000)
  })

  it("a rep with no active day earns nothing on the plan", () => {
    const s = statementFor({ repId: "r", period: DEC, plan: plan(), target: TARGET, credited: credited(0), proration: prorationFor(DEC, "2027-01-05") })
    expect(s.lines).toEqual([])
    expect(s.attainment).toBeNull()
  })
})
