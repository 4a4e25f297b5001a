import { describe, expect, it } from "vitest"
import { NEVER_ANALYZED, PlannerStatistics } from "./planner-statistics"

/** Tables that hold `held` rows at first and grow by what is written; each analyze records the size. */
function tables(held: number) {
  const state = { rows: held, analyzedAt: [] as number[], analyzedRows: held }
  const stats = new PlannerStatistics(
    async () => {
      state.analyzedAt.push(state.rows)
      state.analyzedRows = state.rows
    },
    async () => state.analyzedRows,
    () => {}
  )
  const write = async (rows: number) => {
    state.rows += rows
    stats.wrote(rows)
    await stats.settled()
  }
  return { state, stats, write }
}

describe("PlannerStatistics", () => {
  it("analyzes tables filling up from empty at 1,000 rows, then at every doubling", async () => {
    const { state, write } = tables(0)
    for (let batch = 0; batch < 100; batch++) await write(250)
    // 25,000 rows: analyzed at 1,000, 2,000, 4,000, 8,000 and 16,000.
    expect(state.analyzedAt).toEqual([1000, 2000, 4000, 8000, 16000])
  })

  it("leaves tables with history alone after a restart until they have grown by what they held", async () => {
    const { state, write } = tables(300_000)
    for (let batch = 0; batch < 100; batch++) await write(2_000)
    expect(state.analyzedAt).toEqual([])
    for (let batch = 0; batch < 60; batch++) await write(2_000)
    expect(state.analyzedAt).toEqual([600_000])
  })

  it("never runs two at once, and counts what arrived meanwhile toward the next", async () => {
    let release!: () => void
    let runs = 0
    const stats = new PlannerStatistics(
      () => {
        runs++
        return new Promise<void>((resolve) => (release = resolve))
      },
      async () => 0,
      () => {}
    )
    stats.wrote(1000)
    await stats.settled() // the first write only reads what the tables held
    stats.wrote(0)
    expect(runs).toBe(1)
    stats.wrote(5000)
    expect(runs).toBe(1)
    const first = stats.settled()
    release()
    await first
    // 5,000 written while the first ran, past the 1,000 it left: a second one started on its own.
    expect(runs).toBe(2)
    release()
    await stats.settled()
  })

  it("reports a failed analyze or size read and goes on", async () => {
    const errors: string[] = []
    let runs = 0
    const stats = new PlannerStatistics(
      async () => {
        runs++
        throw new Error("permission denied")
      },
      async () => {
        throw new Error("no pg_class")
      },
      (error) => errors.push((error as Error).message)
    )
    stats.wrote(1000)
    await stats.settled()
    await stats.settled()
    stats.wrote(1000)
    await stats.settled()
    expect(runs).toBe(2)
    expect(errors).toEqual(["no pg_class", "permission denied", "permission denied"])
  })

  it("analyzes at the first write tables that hold history PostgreSQL has never analyzed (a restore), then waits as for any history", async () => {
    const analyzedAt: number[] = []
    let rows = 300_000
    let analyzed: number | typeof NEVER_ANALYZED = NEVER_ANALYZED
    const stats = new PlannerStatistics(
      async () => {
        analyzedAt.push(rows)
        analyzed = rows
      },
      async () => analyzed,
      () => {}
    )
    const write = async (n: number) => {
      rows += n
      stats.wrote(n)
      await stats.settled()
    }
    await write(10)
    await write(10)
    expect(analyzedAt).toEqual([300_010])
    for (let batch = 0; batch < 100; batch++) await write(2_000)
    expect(analyzedAt).toEqual([300_010])
  })
})
