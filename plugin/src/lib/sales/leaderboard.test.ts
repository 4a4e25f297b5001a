import { describe, expect, it } from "vitest"
import { leaderboard } from "./leaderboard"

const row = (repId: string, attainment: number | null) => ({ repId, name: repId, value: 0, target: attainment === null ? null : 1, attainment, pace: null, projectedAttainment: null })

describe("leaderboard", () => {
  it("ranks by attainment, ties share a rank, reps without a target come last unranked", () => {
    const board = leaderboard([row("d", 0.5), row("a", 1.2), row("n", null), row("b", 0.9), row("c", 0.9)])
    expect(board.map((r) => [r.repId, r.rank])).toEqual([["a", 1], ["b", 2], ["c", 2], ["d", 4], ["n", null]])
  })
})
