import { describe, expect, it } from "vitest"
import { credited } from "./__tests__/plans"
import { attainment, teamFigures, teamMembers } from "./attainment"

describe("attainment and team roll-up", () => {
  const teams = [
    { id: "east", name: "East", leadRepId: "a" },
    { id: "sh", name: "Shanghai", parentTeamId: "east", leadRepId: "b" },
    { id: "hz", name: "Hangzhou", parentTeamId: "east" },
    { id: "loop1", name: "L1", parentTeamId: "loop2" },
    { id: "loop2", name: "L2", parentTeamId: "loop1" },
  ]
  const reps = [
    { id: "a", name: "A", teamId: "east" },
    { id: "b", name: "B", teamId: "sh" },
    { id: "c", name: "C", teamId: "sh" },
    { id: "d", name: "D", teamId: "hz" },
    { id: "e", name: "E", teamId: "loop1" },
  ]

  it("a team rolls up its reps and its child teams", () => {
    const m = teamMembers(teams, reps)
    expect(m.get("east")!.sort()).toEqual(["a", "b", "c", "d"])
    expect(m.get("sh")).toEqual(["b", "c"])
    expect(m.get("loop1")).toEqual(["e"]) // a cycle stops the walk instead of looping
    const byRep = new Map([
      ["a", credited(1_000, ["o1"])],
      ["b", credited(2_000, ["o2", "o3"])],
      ["c", credited(3_000, ["o4"])],
      ["d", credited(4_000, ["o5"])],
    ])
    const f = Object.fromEntries(teamFigures(teams, reps, byRep).map((t) => [t.teamId, t]))
    expect([f.east.revenue, f.sh.revenue, f.hz.revenue]).toEqual([10_000, 5_000, 4_000])
    expect(f.east.orders).toBe(5)
  })

  it("attainment is credit over target, none without a target", () => {
    expect(attainment(5_000, 4_000).attainment).toBe(1.25)
    expect(attainment(5_000, null).attainment).toBeNull()
    expect(attainment(5_000, 0).attainment).toBeNull()
  })
})
