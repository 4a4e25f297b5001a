import { describe, expect, it } from "vitest"
import { credited, DEC, plan, TARGET } from "./__tests__/plans"
import { prorationFor } from "./proration"
import { statementFor } from "./statement"

describe("manual adjustments", () => {
  it("add their amount with their reason, after the cap", () => {
    // 12,000,000 capped at 300,000 (earned 330,000), then +12,345 "trade fair stand" and -5,000.
    // Total 300,000 + 12,345 - 5,000 = 307,345 fen.
    const s = statementFor({
      repId: "r", period: DEC, plan: plan({ cap: 300_000 }), target: TARGET, credited: credited(12_000_000, ["o"]), proration: prorationFor(DEC),
      adjustments: [
        { id: "adj1", repId: "r", periodId: "2026-12", amount: 12_345, reason: "trade fair stand", by: "user_1" },
        { id: "adj2", repId: "r", periodId: "2026-12", amount: -5_000, reason: "sample not returned" },
      ],
    })
    expect(s.earnings).toBe(300_000)
    expect(s.total).toBe(307_345)
    expect(s.lines.slice(-2)).toEqual([
      expect.objectContaining({ kind: "adjustment", amount: 12_345, reason: "trade fair stand", by: "user_1" }),
      expect.objectContaining({ kind: "adjustment", amount: -5_000, reason: "sample not returned" }),
    ])
  })

  it("are refused without a reason or in fractions of a minor unit", () => {
    const base = { repId: "r", period: DEC, plan: plan(), target: TARGET, credited: credited(0), proration: prorationFor(DEC) }
    expect(() => statementFor({ ...base, adjustments: [{ id: "x", repId: "r", periodId: "2026-12", amount: 100, reason: " " }] })).toThrow(/no reason/)
    expect(() => statementFor({ ...base, adjustments: [{ id: "x", repId: "r", periodId: "2026-12", amount: 1.5, reason: "why" }] })).toThrow(/minor units/)
  })
})
