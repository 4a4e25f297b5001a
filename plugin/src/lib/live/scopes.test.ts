import { describe, expect, it } from "vitest"
import { roomsFor, scopeProblems } from "./scopes"
import { ReplayBuffer } from "./replay-buffer"
import { throttle } from "./throttle"

describe("roomsFor", () => {
  it("gives an admin every room", () => {
    expect(roomsFor({ kind: "admin" })).toEqual({ rooms: ["wall", "inventory"] })
  })

  it("keeps a channel wall inside its channel", () => {
    const viewer = { kind: "display" as const, scopes: ["wall", "channel:sc_a"] }
    expect(roomsFor(viewer)).toEqual({ rooms: ["wall:channel:sc_a"] })
    expect(roomsFor(viewer, { channel: "sc_a" })).toEqual({ rooms: ["wall:channel:sc_a"] })
    expect(roomsFor(viewer, { channel: "sc_b" })).toEqual({ refused: "this token may not watch sales channel sc_b" })
  })

  it("lets a store-wide wall narrow itself to one channel", () => {
    expect(roomsFor({ kind: "display", scopes: ["wall"] }, { channel: "sc_b" })).toEqual({ rooms: ["wall:channel:sc_b"] })
  })

  it("refuses inventory to a wall-only token", () => {
    expect(roomsFor({ kind: "display", scopes: ["wall"] }, { location: "sloc_1" })).toEqual({
      refused: "this token has no inventory scope",
    })
  })
})

describe("scopeProblems", () => {
  it("names unknown and useless scopes", () => {
    expect(scopeProblems(["wall", "channel:sc_1"])).toEqual([])
    expect(scopeProblems(["walls"])).toEqual(['unknown scope "walls"', 'a token needs "wall" or "inventory" to see anything'])
    expect(scopeProblems(["inventory", "channel:sc_1"])).toEqual(['"channel:<id>" narrows the wall: add "wall"'])
  })
})

describe("ReplayBuffer", () => {
  const delta = (seq: number) => ({ room: "wall", seq, topic: "t", key: "k", data: seq })

  it("replays exactly what was missed, or admits it no longer holds it", () => {
    const buffer = new ReplayBuffer(3)
    for (let seq = 1; seq <= 5; seq++) buffer.push(delta(seq))
    expect(buffer.since(3, 5)?.map((d) => d.seq)).toEqual([4, 5])
    expect(buffer.since(2, 5)?.map((d) => d.seq)).toEqual([3, 4, 5])
    expect(buffer.since(1, 5)).toBeNull()
    expect(buffer.since(5, 5)).toEqual([])
    // A screen that remembers seq 9 saw another life of the room: no replay can fix that.
    expect(buffer.since(9, 5)).toBeNull()
  })
})

describe("throttle", () => {
  it("runs a lone call at once and folds a burst into one trailing run", async () => {
    const runs: number[] = []
    const started = Date.now()
    const t = throttle(async () => {
      runs.push(Date.now() - started)
    }, 100)
    t.trigger()
    expect(runs).toHaveLength(1)
    for (let i = 0; i < 20; i++) t.trigger()
    await new Promise((resolve) => setTimeout(resolve, 250))
    expect(runs).toHaveLength(2)
    expect(runs[1]).toBeGreaterThanOrEqual(95)
  })
})
