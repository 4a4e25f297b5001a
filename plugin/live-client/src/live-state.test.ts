// @vitest-environment node
import { describe, expect, it } from "vitest"
import type { Delta, Snapshot } from "./protocol"
import { applyDelta, applySnapshot, emptyLiveState, forgetPendingResyncs, seqsForReconnect, type LiveState } from "./live-state"

const snap = (seqs: Record<string, number>, rooms: Snapshot["rooms"], at = "2025-06-02T10:00:00Z"): Snapshot => ({
  seqs,
  at,
  timezone: "Europe/Berlin",
  rooms,
})
const delta = (seq: number, key: string, data: unknown, room = "wall", topic = "rhythm"): Delta => ({ room, seq, topic, key, data })

function run(state: LiveState, ...deltas: Delta[]): { state: LiveState; resync: string[] } {
  const resync: string[] = []
  for (const d of deltas) {
    const applied = applyDelta(state, d)
    state = applied.state
    resync.push(...applied.resync)
  }
  return { state, resync }
}

const started = applySnapshot(emptyLiveState, snap({ wall: 10 }, { wall: { rhythm: { backlog: "b10" }, ticker: { latest: [] } } })).state

describe("applySnapshot", () => {
  it("takes the rooms, their seqs and the store's zone", () => {
    expect(started.seqs).toEqual({ wall: 10 })
    expect(started.rooms.wall?.rhythm?.backlog).toBe("b10")
    expect(started.timezone).toBe("Europe/Berlin")
    expect(started.at).toBe("2025-06-02T10:00:00Z")
  })

  it("replaces a room whole rather than merging stale keys into it", () => {
    const next = applySnapshot(started, snap({ wall: 20 }, { wall: { rhythm: { today: "t20" } } })).state
    expect(next.rooms.wall).toEqual({ rhythm: { today: "t20" } })
    expect(next.seqs.wall).toBe(20)
  })

  it("keeps a resumed room (listed in seqs, absent from rooms) with our own seq, so the replay applies", () => {
    const withTwo = applySnapshot(emptyLiveState, snap({ wall: 10, inventory: 3 }, { wall: {}, inventory: { a: { b: 1 } } })).state
    const resumed = applySnapshot(withTwo, snap({ wall: 15, inventory: 9 }, { inventory: { a: { b: 2 } } }))
    expect(resumed.resync).toEqual([])
    expect(resumed.state.seqs).toEqual({ wall: 10, inventory: 9 })
    const replayed = run(resumed.state, delta(11, "k", 11), delta(12, "k", 12))
    expect(replayed.resync).toEqual([])
    expect(replayed.state.seqs.wall).toBe(12)
    expect(replayed.state.rooms.wall?.rhythm?.k).toBe(12)
  })

  it("asks for a room it is told was resumed but never had", () => {
    const applied = applySnapshot(emptyLiveState, snap({ wall: 4 }, {}))
    expect(applied.resync).toEqual(["wall"])
  })

  it("asks again for a room sent without its seq", () => {
    const applied = applySnapshot(emptyLiveState, snap({}, { wall: {} }))
    expect(applied.resync).toEqual(["wall"])
    expect(applied.state.rooms.wall).toBeUndefined()
  })

  it("leaves rooms it does not mention alone", () => {
    const withTwo = applySnapshot(emptyLiveState, snap({ wall: 1, other: 5 }, { wall: {}, other: { t: { k: "o" } } })).state
    const next = applySnapshot(withTwo, snap({ wall: 2 }, { wall: { t: { k: "w" } } })).state
    expect(next.rooms.other).toBe(withTwo.rooms.other)
    expect(next.seqs.other).toBe(5)
  })
})

describe("applyDelta", () => {
  it("applies the next seq as the key's absolute value", () => {
    const { state, resync } = run(started, delta(11, "backlog", "b11"), delta(12, "backlog", "b12"))
    expect(resync).toEqual([])
    expect(state.rooms.wall?.rhythm?.backlog).toBe("b12")
    expect(state.seqs.wall).toBe(12)
  })

  it("creates a topic it has not seen", () => {
    const { state } = run(started, delta(11, "today", { orders: 3 }, "wall", "totals"))
    expect(state.rooms.wall?.totals?.today).toEqual({ orders: 3 })
  })

  it("shares what did not change, so untouched charts are not redrawn", () => {
    const { state } = run(started, delta(11, "today", "t11"))
    expect(state.rooms.wall?.ticker).toBe(started.rooms.wall?.ticker)
    expect(state.rooms.wall?.rhythm?.backlog).toBe("b10")
    expect(started.rooms.wall?.rhythm?.today).toBeUndefined()
  })

  it("ignores duplicates and older seqs (an overlapping replay)", () => {
    const once = run(started, delta(11, "backlog", "b11")).state
    const again = run(once, delta(11, "backlog", "stale"), delta(9, "backlog", "older"), delta(10, "backlog", "b10again"))
    expect(again.resync).toEqual([])
    expect(again.state).toBe(once)
  })

  it("asks for a resync on a gap and applies nothing past it", () => {
    const { state, resync } = run(started, delta(12, "backlog", "b12"))
    expect(resync).toEqual(["wall"])
    expect(state.rooms.wall?.rhythm?.backlog).toBe("b10")
    expect(state.seqs.wall).toBe(10)
  })

  it("asks once per gap, not once per delta after it", () => {
    const { resync } = run(started, delta(12, "a", 1), delta(13, "a", 2), delta(14, "a", 3))
    expect(resync).toEqual(["wall"])
  })

  it("treats a delta for a room it holds no snapshot of as a gap", () => {
    const { resync, state } = run(emptyLiveState, delta(1, "backlog", "x"))
    expect(resync).toEqual(["wall"])
    expect(state.rooms.wall).toBeUndefined()
  })

  it("keeps rooms apart: a gap in one does not stop another", () => {
    const two = applySnapshot(emptyLiveState, snap({ wall: 1, "wall:channel:sc_1": 7 }, { wall: {}, "wall:channel:sc_1": {} })).state
    const { state, resync } = run(two, delta(3, "k", "gap"), delta(8, "k", "ok", "wall:channel:sc_1"))
    expect(resync).toEqual(["wall"])
    expect(state.rooms["wall:channel:sc_1"]?.rhythm?.k).toBe("ok")
  })
})

describe("resync", () => {
  it("is repaired by the snapshot it asked for, after which deltas flow again", () => {
    const gapped = run(started, delta(12, "backlog", "b12"), delta(13, "backlog", "b13"))
    const repaired = applySnapshot(gapped.state, snap({ wall: 13 }, { wall: { rhythm: { backlog: "b13" } } }))
    expect(repaired.resync).toEqual([])
    expect(repaired.state.awaitingResync).toEqual([])
    const after = run(repaired.state, delta(13, "backlog", "dup"), delta(14, "backlog", "b14"))
    expect(after.resync).toEqual([])
    expect(after.state.rooms.wall?.rhythm?.backlog).toBe("b14")
  })

  it("can ask again for a later gap once repaired", () => {
    const gapped = run(started, delta(12, "a", 1)).state
    const repaired = applySnapshot(gapped, snap({ wall: 12 }, { wall: {} })).state
    expect(run(repaired, delta(20, "a", 2)).resync).toEqual(["wall"])
  })

  it("keeps waiting if the snapshot that came was not for the broken room", () => {
    const gapped = run(started, delta(12, "a", 1)).state
    const other = applySnapshot(gapped, snap({ wall: 10, other: 1 }, { other: {} })).state
    expect(other.awaitingResync).toEqual(["wall"])
    expect(run(other, delta(13, "a", 2)).resync).toEqual([])
  })

  it("is forgotten on a new connection, whose handshake sends the seqs again", () => {
    const gapped = run(started, delta(12, "a", 1)).state
    const fresh = forgetPendingResyncs(gapped)
    expect(fresh.awaitingResync).toEqual([])
    expect(run(fresh, delta(13, "a", 2)).resync).toEqual(["wall"])
    expect(forgetPendingResyncs(started)).toBe(started)
  })
})

describe("seqsForReconnect", () => {
  it("sends the last applied seq of every room, also one behind a gap (a replay from there repairs it)", () => {
    const two = applySnapshot(emptyLiveState, snap({ wall: 1, other: 7 }, { wall: {}, other: {} })).state
    const { state } = run(two, delta(2, "k", 1), delta(9, "k", 1, "other"))
    expect(seqsForReconnect(state)).toEqual({ wall: 2, other: 7 })
    expect(seqsForReconnect(emptyLiveState)).toEqual({})
  })
})
