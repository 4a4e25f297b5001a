import { io, Socket } from "socket.io-client"
import { joinRows, setValue } from "../../../plugin/live-client/src/row-keys"

type Delta = { room: string; seq: number; topic: string; key: string; data: unknown }
type Snapshot = { seqs: Record<string, number>; at: string; timezone: string; rooms: Record<string, any> }

/**
 * A screen as the wall display is one: a real socket.io-client that keeps the rooms'
 * values, applies deltas in sequence, remembers its seqs and resumes with them.
 */
export class LiveScreen {
  socket: Socket
  state: Record<string, Record<string, Record<string, unknown>>> = {}
  seqs: Record<string, number> = {}
  deltas: Delta[] = []
  /** The deltas of each `delta` message, as they came. */
  messages: Delta[][] = []
  snapshots: Snapshot[] = []
  gaps: Array<{ room: string; expected: number; got: number }> = []
  /** Rooms whose resync is asked for and not yet answered: their deltas wait for the snapshot. */
  private resyncing = new Set<string>()

  constructor(port: number, public token: string | undefined, narrow: { channel?: string } = {}) {
    this.socket = io(`http://localhost:${port}/rhythm`, {
      transports: ["websocket"],
      reconnection: false,
      auth: (send) => send({ token: this.token, seqs: this.seqs, ...narrow }),
    })
    // Deltas before this connection's snapshot are early copies the server sends again after it.
    let snapshotSeen = false
    this.socket.on("connect", () => {
      snapshotSeen = false
    })
    this.socket.on("snapshot", (snapshot: Snapshot) => {
      snapshotSeen = true
      this.snapshots.push(snapshot)
      for (const [room, seq] of Object.entries(snapshot.seqs)) {
        this.resyncing.delete(room)
        if (snapshot.rooms[room]) {
          this.state[room] = structuredClone(snapshot.rooms[room])
        }
        this.seqs[room] = seq
      }
    })
    // A message carries one or more deltas, applied in turn.
    this.socket.on("delta", (...deltas: Delta[]) => {
      this.messages.push(deltas)
      for (const delta of deltas) this.apply(delta, snapshotSeen)
    })
  }

  private apply(delta: Delta, snapshotSeen: boolean) {
    this.deltas.push(delta)
    if (!snapshotSeen) return
    const last = this.seqs[delta.room]
    if (last === undefined || delta.seq <= last) return
    if (this.resyncing.has(delta.room)) return
    if (delta.seq !== last + 1) {
      // As the wall does: one resync per gap, and nothing applied past it until the snapshot.
      this.gaps.push({ room: delta.room, expected: last + 1, got: delta.seq })
      this.resyncing.add(delta.room)
      this.socket.emit("resync", { rooms: [delta.room] })
      return
    }
    setValue(((this.state[delta.room] ??= {})[delta.topic] ??= {}), delta.key, delta.data)
    this.seqs[delta.room] = delta.seq
  }

  /** The room's ticker entries, newest first (they travel one key per order). */
  ticker(room = "wall"): Array<Record<string, any>> {
    return (joinRows(this.state[room]?.ticker ?? {}).latest as any[]) ?? []
  }

  connected(): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.snapshots.length) return resolve()
      this.socket.once("snapshot", () => resolve())
      this.socket.once("connect_error", reject)
    })
  }

  refused(): Promise<{ message: string; data: any }> {
    return new Promise((resolve, reject) => {
      this.socket.once("connect_error", (error: any) => resolve({ message: error.message, data: error.data }))
      this.socket.once("snapshot", () => reject(new Error("the server let this screen in")))
    })
  }

  reconnect() {
    this.socket.connect()
    return new Promise<void>((resolve, reject) => {
      this.socket.once("snapshot", () => resolve())
      this.socket.once("connect_error", reject)
    })
  }

  close() {
    this.socket.close()
  }
}
