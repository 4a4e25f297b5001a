import { describe, expect, it } from "vitest"
import { PlannerStatistics } from "./planner-statistics"

describe("PlannerStatistics", () => {
  it("analyzes at 1,000 rows, then each time the rows written since reach those before", async () => {
    const at: number[] = []
    let total = 0
    const stats = new PlannerStatistics(async () => void at.push(total), () => {})
    for (let batch = 0; batch < 100; batch++) {
      total += 250
      stats.wrote(250)
      await stats.settled()
    }
    // 25,000 rows: analyzed at 1,000, 2,000, 4,000, 8,000 and 16,000.
    expect(at).toEqual([1000, 2000, 4000, 8000, 16000])
  })

  it("never runs two at once, and counts what arrived meanwhile toward the next", async () => {
    let release!: () => void
    let runs = 0
    const stats = new PlannerStatistics(() => {
      runs++
      return new Promise<void>((resolve) => (release = resolve))
    }, () => {})
    stats.wrote(1000)
    stats.wrote(5000)
    expect(runs).toBe(1)
    release()
    await stats.settled()
    // 5,000 written while the first ran: past the 1,000 before it, so the next write starts one.
    stats.wrote(1)
    expect(runs).toBe(2)
  })

  it("reports a failed analyze and goes on", async () => {
    const errors: unknown[] = []
    let runs = 0
    const stats = new PlannerStatistics(async () => {
      runs++
      throw new Error("permission denied")
    }, (error) => errors.push(error))
    stats.wrote(1000)
    await stats.settled()
    stats.wrote(1000)
    await stats.settled()
    expect(runs).toBe(2)
    expect(errors.map((error) => (error as Error).message)).toEqual(["permission denied", "permission denied"])
  })
})
