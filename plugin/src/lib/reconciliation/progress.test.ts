import { describe, expect, it } from "vitest"
import { describeReconciliation, STALE_AFTER_MS, ReconcileProgress } from "./progress"

const at = (iso: string) => Date.parse(iso)
const run = (change: Partial<ReconcileProgress>): ReconcileProgress => ({
  what: "orders",
  running: true,
  processed: 3000,
  total: 12000,
  started_at: "2026-11-28T10:00:00.000Z",
  updated_at: "2026-11-28T10:00:10.000Z",
  finished_at: null,
  error: null,
  ...change,
})

describe("describeReconciliation", () => {
  it("says a reconciliation never ran", () => {
    expect(describeReconciliation(null, at("2026-11-28T10:00:00Z"))).toMatchObject({ state: "never", processed: 0, share: 0, per_second: null })
  })

  it("gives a running reconciliation's share, pace and time left from its own saves", () => {
    // 3,000 in 10 s: 300/s, 9,000 left: 30 s.
    expect(describeReconciliation(run({}), at("2026-11-28T10:00:12Z"))).toMatchObject({ state: "running", share: 0.25, per_second: 300, eta_seconds: 30 })
  })

  it("calls a run silent for longer than a batch could take interrupted, with no time left to promise", () => {
    const report = describeReconciliation(run({}), at("2026-11-28T10:00:10Z") + STALE_AFTER_MS + 1)
    expect(report).toMatchObject({ state: "interrupted", processed: 3000, eta_seconds: null })
    expect(describeReconciliation(run({}), at("2026-11-28T10:00:10Z") + STALE_AFTER_MS - 1000).state).toBe("running")
  })

  it("reports a failed run with its error, and a finished one in full", () => {
    expect(describeReconciliation(run({ running: false, error: "connection refused" }), at("2026-11-28T10:00:12Z"))).toMatchObject({ state: "failed", error: "connection refused", eta_seconds: null })
    const done = run({ running: false, processed: 12000, updated_at: "2026-11-28T10:00:40.000Z", finished_at: "2026-11-28T10:00:40.000Z" })
    expect(describeReconciliation(done, at("2026-11-28T11:00:00Z"))).toMatchObject({ state: "finished", share: 1, per_second: 300, eta_seconds: null })
  })

  it("takes a run with nothing to do as complete, without a pace", () => {
    const idle = run({ running: false, processed: 0, total: 0, updated_at: "2026-11-28T10:00:00.050Z", finished_at: "2026-11-28T10:00:00.050Z" })
    expect(describeReconciliation(idle, at("2026-11-28T10:01:00Z"))).toMatchObject({ state: "finished", share: 1, per_second: null })
  })
})
