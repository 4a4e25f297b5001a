import { afterEach, describe, expect, it } from "vitest"
import { io as connect, Socket as ClientSocket } from "socket.io-client"
import { Delta, LIVE_NAMESPACE, RoomState, Snapshot } from "../../../lib/live"
import { LiveHub } from "./live-hub"
import { MemoryRoomStore } from "./room-store"
import { startSocketServer } from "./socket-server"

const logger = { error: () => {}, warn: () => {}, info: () => {}, debug: () => {} } as any
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A room store whose reads take a few milliseconds, as Redis's do under load. */
class SlowStore extends MemoryRoomStore {
  async seq(room: string) {
    await pause(3)
    return super.seq(room)
  }
  async state(room: string) {
    await pause(3)
    return super.state(room)
  }
  async since(room: string, seq: number) {
    await pause(3)
    return super.since(room, seq)
  }
}

/** A screen that applies deltas strictly in seq order, as the wall does, and notes every gap. */
function screen(port: number) {
  const socket: ClientSocket = connect(`http://localhost:${port}${LIVE_NAMESPACE}`, {
    transports: ["websocket"],
    reconnection: false,
    auth: { token: "admin" },
  })
  const seen = { seqs: {} as Record<string, number>, gaps: [] as string[], snapshot: false, socket }
  socket.on("snapshot", (snapshot: Snapshot) => {
    seen.snapshot = true
    Object.assign(seen.seqs, snapshot.seqs)
  })
  socket.on("delta", (...deltas: Delta[]) => {
    if (!seen.snapshot) return // early copies: the server sends them again after the snapshot
    for (const delta of deltas) {
      const last = seen.seqs[delta.room]
      if (delta.seq <= last) continue
      if (delta.seq !== last + 1) seen.gaps.push(`${delta.room}: expected ${last + 1}, got ${delta.seq}`)
      seen.seqs[delta.room] = delta.seq
    }
  })
  return seen
}

describe("connecting a screen while the room keeps publishing", () => {
  const closers: Array<() => unknown> = []
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close()
  })

  it("brings it from its snapshot to the live stream without a gap", async () => {
    let count = 0
    const hub = new LiveHub(new SlowStore(), () => [async (): Promise<RoomState> => ({ totals: { n: count++ } })], logger)
    const server = (await startSocketServer(
      { port: 0, host: "127.0.0.1", corsOrigins: [], redisUrl: null },
      hub.access(async () => ({ ok: true, viewer: { kind: "admin" } })),
      logger
    ))!
    hub.useScreens(server)
    hub.useBroadcast((deltas) => server.deliver(deltas))
    closers.push(() => server.close())
    const port = server.port

    // A publication every millisecond or two while screens come one after the other.
    let publishing = true
    const publisher = (async () => {
      while (publishing) {
        await hub.recount("wall")
        await pause(1)
      }
    })()
    const screens = []
    for (let i = 0; i < 20; i++) {
      screens.push(screen(port))
      await pause(7)
    }
    closers.push(() => screens.forEach((s) => s.socket.close()))
    await pause(100)
    publishing = false
    await publisher
    await pause(100)

    const last = await hub["store"].seq("wall")
    expect(screens.every((s) => s.snapshot)).toBe(true)
    expect(screens.map((s) => s.seqs.wall)).toEqual(screens.map(() => last))
    expect(screens.flatMap((s) => s.gaps)).toEqual([])
  })
})
