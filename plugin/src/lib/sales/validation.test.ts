import { describe, expect, it } from "vitest"
import { plan, TARGET } from "./__tests__/plans"
import { customPeriod, monthPeriod } from "./period"
import type { Target } from "./types"
import { validateAssignments, validateCap, validatePlanVersion, validateRepKnown, validateSplit, validateTargets, validateTiers } from "./validation"

const fields = (r: { field: string }[]) => r.map((x) => x.field)

describe("validation", () => {
  it("refuses overlapping targets for one rep and metric, and names the field", () => {
    const periods = new Map([
      ["2026-12", monthPeriod("2026-12", "UTC")],
      ["xmas", customPeriod("xmas", "2026-12-20", "2027-01-05", "UTC")],
      ["2027-01", monthPeriod("2027-01", "UTC")],
    ])
    const t = (id: string, periodId: string, repId = "r1", metric: Target["metric"] = "credited_revenue"): Target => ({ id, subject: { kind: "rep", repId }, periodId, metric, value: 100 })
    const refusals = validateTargets([t("a", "2026-12"), t("b", "xmas")], periods)
    expect(fields(refusals)).toEqual(["targets[1].periodId"])
    expect(refusals[0].message).toMatch(/rep r1 already has a credited_revenue target for 2026-12-01..2026-12-31/)
    // Another rep, another metric, or periods that only touch are fine.
    expect(validateTargets([t("a", "2026-12"), t("b", "xmas", "r2"), t("c", "xmas", "r1", "orders"), t("d", "2027-01")], periods)).toEqual([])
    expect(fields(validateTargets([t("a", "nope")], periods))).toEqual(["targets[0].periodId"])
    // A target for a rep or team nobody knows.
    const team: Target = { id: "tt", subject: { kind: "team", teamId: "ghost" }, periodId: "2026-12", metric: "orders", value: 5 }
    expect(fields(validateTargets([t("a", "2026-12", "who"), team], periods, { reps: [{ id: "r1" }], teamIds: ["east"] }))).toEqual(["targets[0].subject.repId", "targets[1].subject.teamId"])
  })

  it("refuses two plan versions for one rep on the same day", () => {
    const refusals = validateAssignments([
      { repId: "r1", planVersionId: "v1", from: "2026-01-01", to: "2026-12-10" },
      { repId: "r1", planVersionId: "v2", from: "2026-12-10", to: null },
      { repId: "r2", planVersionId: "v2", from: "2026-12-10", to: null },
    ], [{ id: "r1" }])
    expect(refusals).toEqual([
      { field: "assignments[1].from", message: "rep r1 is already on plan version v1 from 2026-01-01 to 2026-12-10" },
      { field: "assignments[2].repId", message: "unknown rep r2" },
    ])
  })

  it("refuses tiers that overlap or leave a gap", () => {
    expect(validateTiers(plan().tiers)).toEqual([])
    const gap = validateTiers([{ from: 0, to: 0.5, rate: 0.02 }, { from: 0.6, to: null, rate: 0.03 }])
    expect(gap).toEqual([{ field: "tiers[1].from", message: expect.stringMatching(/a gap/) }])
    const overlap = validateTiers([{ from: 0, to: 0.5, rate: 0.02 }, { from: 0.4, to: null, rate: 0.03 }])
    expect(overlap).toEqual([{ field: "tiers[1].from", message: expect.stringMatching(/overlap/) }])
    expect(fields(validateTiers([{ from: 0.1, to: null, rate: 0.02 }]))).toEqual(["tiers[0].from"])
    expect(fields(validateTiers([{ from: 0, to: 1, rate: 0.02 }]))).toEqual(["tiers[0].to"])
    expect(fields(validateTiers([{ from: 0, to: 1, rate: -0.02 }, { from: 1, to: null, rate: 0.01 }]))).toEqual(["tiers[0].rate"])
    expect(fields(validateTiers([]))).toEqual(["tiers"])
    // Listed out of order is fine; the field names the tier as it was given.
    expect(validateTiers([{ from: 0.5, to: null, rate: 0.03 }, { from: 0, to: 0.5, rate: 0.02 }])).toEqual([])
  })

  it("refuses a cap below what a tier pays", () => {
    // Reaching 100% pays 100,000 + 150,000 = 250,000 fen on a 10,000,000 target: a cap of
    // 200,000 would never let tier 3 pay.
    const refusals = validateCap(plan({ cap: 200_000 }), TARGET)
    expect(fields(refusals)).toEqual(["cap"])
    expect(refusals[0].message).toMatch(/2000.00 is below the 2500.00 that reaching tiers\[2\]/)
    expect(validateCap(plan({ cap: 250_000 }), TARGET)).toEqual([])
  })

  it("refuses split shares that do not sum to 100%, and an unknown rep", () => {
    const reps = [{ id: "A" }, { id: "B" }]
    expect(validateSplit([{ repId: "A", percent: 60 }, { repId: "B", percent: 40 }], reps)).toEqual([])
    expect(validateSplit([{ repId: "A", percent: 33.33 }, { repId: "B", percent: 33.33 }, { repId: "A", percent: 33.34 }], reps)[0].field).toBe("shares[2].repId")
    const short = validateSplit([{ repId: "A", percent: 60 }, { repId: "B", percent: 30 }], reps)
    expect(short).toEqual([{ field: "shares", message: "shares sum to 90%, not 100%" }])
    // 0.1 + 0.2 style sums are exact: 33.3 + 33.3 + 33.4 is 100.
    expect(validateSplit([{ repId: "A", percent: 33.3 }, { repId: "B", percent: 33.3 }, { repId: "C", percent: 33.4 }])).toEqual([])
    expect(validateSplit([{ repId: "A", percent: 60 }, { repId: "Z", percent: 40 }], reps)).toEqual([{ field: "shares[1].repId", message: "unknown rep Z" }])
    expect(validateRepKnown("repId", "Z", reps)).toEqual([{ field: "repId", message: "unknown rep Z" }])
  })

  it("checks a plan version's accelerators, bonuses and window", () => {
    const bad = plan({ accelerators: [{ from: 0.8, multiplier: 0.5 }], thresholdBonuses: [{ at: 1, amount: 12.5 }], cap: -1, clawback: { windowDays: -1, afterClose: "none" } })
    expect(fields(validatePlanVersion(bad))).toEqual(["accelerators[0].from", "accelerators[0].multiplier", "thresholdBonuses[0].amount", "cap", "clawback.windowDays"])
    expect(validatePlanVersion(plan({ accelerators: [{ from: 1, multiplier: 1.5 }] }))).toEqual([])
  })
})
