import type { Delta, RoomName, RoomState, Snapshot } from "./protocol.js"
import { setValue } from "./row-keys.js"

/**
 * What the wall knows, built only from the server's snapshots and deltas. Immutable: every change
 * returns a new state that shares every untouched room, topic and key, so a chart bound to one key
 * is not redrawn when another key changes.
 */
export type LiveState = {
  /** the last seq applied per room: what a reconnect asks the server to resume from */
  seqs: Readonly<Record<RoomName, number>>
  rooms: Readonly<Record<RoomName, RoomState>>
  /** the store's IANA zone, from the last snapshot; null before the first */
  timezone: string | null
  /** when the last snapshot was taken */
  at: string | null
  /** rooms a resync was asked for and whose snapshot has not come yet: asked once, not per delta */
  awaitingResync: readonly RoomName[]
}

export const emptyLiveState: LiveState = { seqs: {}, rooms: {}, timezone: null, at: null, awaitingResync: [] }

export type Applied = {
  state: LiveState
  /** rooms to ask a fresh snapshot for (emit `resync`), empty when nothing is missing */
  resync: RoomName[]
}

/**
 * A snapshot replaces the rooms it carries (with their seqs). Rooms it only lists in `seqs` were
 * resumed: their missed deltas follow, so they keep their state and our seq, or the replayed
 * deltas would look like duplicates. A resumed room we hold nothing for cannot be resumed.
 */
export function applySnapshot(state: LiveState, snapshot: Snapshot): Applied {
  const seqs: Record<RoomName, number> = { ...state.seqs }
  const rooms: Record<RoomName, RoomState> = { ...state.rooms }
  const replaced: RoomName[] = []
  const missing: RoomName[] = []
  for (const [room, roomState] of Object.entries(snapshot.rooms)) {
    const seq = snapshot.seqs[room]
    // A room without its seq cannot be kept in step with the deltas that follow.
    if (typeof seq !== "number") missing.push(room)
    else {
      rooms[room] = roomState
      seqs[room] = seq
      replaced.push(room)
    }
  }
  for (const room of Object.keys(snapshot.seqs)) {
    if (!(room in snapshot.rooms) && !(room in state.seqs)) missing.push(room)
  }
  const stillAwaiting = state.awaitingResync.filter((room) => !replaced.includes(room))
  const resync = missing.filter((room) => !stillAwaiting.includes(room))
  return {
    state: {
      seqs,
      rooms,
      timezone: snapshot.timezone,
      at: snapshot.at,
      awaitingResync: [...stillAwaiting, ...resync],
    },
    resync,
  }
}

/**
 * A delta applies only as the very next seq of its room. Older or repeated seqs (a replay that
 * overlaps what we have) are dropped; a jump means something was lost, and since values are
 * absolute per key but a lost delta may be for another key, only a snapshot can repair the room.
 */
export function applyDelta(state: LiveState, delta: Delta): Applied {
  const last = state.seqs[delta.room]
  if (last !== undefined && delta.seq <= last) return { state, resync: [] }
  if (last === undefined || delta.seq !== last + 1) {
    if (state.awaitingResync.includes(delta.room)) return { state, resync: [] }
    return { state: { ...state, awaitingResync: [...state.awaitingResync, delta.room] }, resync: [delta.room] }
  }
  const room = state.rooms[delta.room] ?? {}
  const topic = { ...room[delta.topic] }
  setValue(topic, delta.key, delta.data)
  return {
    state: {
      ...state,
      seqs: { ...state.seqs, [delta.room]: delta.seq },
      rooms: { ...state.rooms, [delta.room]: { ...room, [delta.topic]: topic } },
    },
    resync: [],
  }
}

/**
 * The seqs a reconnect sends. A room behind a gap sends its last applied seq too: nothing after the
 * gap was applied, so a replay from there repairs it, and the server snapshots it if it cannot.
 */
export function seqsForReconnect(state: LiveState): Record<RoomName, number> {
  return { ...state.seqs }
}

/** A new connection starts a new conversation: resyncs asked on the old socket were never answered. */
export function forgetPendingResyncs(state: LiveState): LiveState {
  return state.awaitingResync.length === 0 ? state : { ...state, awaitingResync: [] }
}
