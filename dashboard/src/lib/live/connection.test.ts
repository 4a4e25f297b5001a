// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"
import type { ConnectionState } from "./connection-state"
import { liveUrl, openConnection, type SocketLike, type SocketOptions } from "./connection"
import type { LiveState } from "@order-rhythm/live-client"
import type { HandshakeAuth, Snapshot } from "@order-rhythm/live-client"

/** Stands in for socket.io's client: the test plays the server and the network. */
class FakeSocket implements SocketLike {
  active = true
  handlers = new Map<string, (...args: never[]) => void>()
  emitted: Array<[string, unknown]> = []
  connects = 0
  disconnected = false
  constructor(readonly url: string, readonly options: SocketOptions) {}
  on(event: string, listener: (...args: never[]) => void) {
    this.handlers.set(event, listener)
    return this
  }
  emit(event: string, payload?: unknown) {
    this.emitted.push([event, payload])
    return this
  }
  connect() {
    this.connects += 1
    this.active = true
    return this
  }
  disconnect() {
    this.disconnected = true
    this.active = false
    return this
  }
  fire(event: string, ...args: unknown[]) {
    ;(this.handlers.get(event) as ((...a: unknown[]) => void) | undefined)?.(...args)
  }
  handshake(): HandshakeAuth {
    let sent: HandshakeAuth = {}
    this.options.auth((auth) => (sent = auth))
    return sent
  }
}

const snapshot = (seq: number, at = "2025-06-02T10:00:00Z"): Snapshot => ({
  seqs: { wall: seq },
  at,
  timezone: "Europe/Berlin",
  rooms: { wall: { totals: { today: { orders: seq } } } },
})
const refusal = (code: string, words?: string) => Object.assign(new Error(code), { data: words ? { message: words } : undefined })

let clock = new Date("2025-06-02T10:00:00Z")
let socket: FakeSocket
let states: ConnectionState[]
let lives: LiveState[]
const last = () => states[states.length - 1]

function open(extra: { channel?: string; location?: string; server?: string; frame?: (run: () => void) => void } = {}) {
  states = []
  lives = []
  return openConnection(
    {
      token: "dt_secret",
      frame: (run) => run(),
      ...extra,
      now: () => clock,
      retryMs: 1_000,
      socket: (url, options) => (socket = new FakeSocket(url, options)),
    },
    (connection, live) => {
      states.push(connection)
      lives.push(live)
    }
  )
}

beforeEach(() => {
  vi.useFakeTimers()
  clock = new Date("2025-06-02T10:00:00Z")
})
afterEach(() => vi.useRealTimers())

describe("openConnection", () => {
  it("connects to the page's own origin, or to ?server= in development", () => {
    open()
    expect(socket.url).toBe("/rhythm")
    expect(liveUrl("http://localhost:9001/")).toBe("http://localhost:9001/rhythm")
    expect(socket.options.transports).toEqual(["websocket"])
    expect(socket.options.reconnectionAttempts).toBe(Infinity)
  })

  it("says connecting, then live once the snapshot is in", () => {
    open()
    expect(last()).toEqual({ kind: "connecting" })
    socket.fire("connect")
    socket.fire("snapshot", snapshot(5))
    expect(last()).toEqual({ kind: "live", since: "2025-06-02T10:00:00.000Z" })
    expect(lives[lives.length - 1]?.rooms.wall?.totals?.today).toEqual({ orders: 5 })
  })

  it("sends the token, channel and location, and on every reconnect the seqs it holds then", () => {
    open({ channel: "sc_1", location: "sloc_1" })
    expect(socket.handshake()).toEqual({ token: "dt_secret", seqs: {}, channel: "sc_1", location: "sloc_1" })
    socket.fire("snapshot", snapshot(5))
    socket.fire("delta", { room: "wall", seq: 6, topic: "totals", key: "today", data: { orders: 6 } })
    expect(socket.handshake()).toEqual({ token: "dt_secret", seqs: { wall: 6 }, channel: "sc_1", location: "sloc_1" })
  })

  it("goes stale the moment the socket drops and live again after the reconnect's snapshot", () => {
    open()
    socket.fire("snapshot", snapshot(5))
    clock = new Date("2025-06-02T10:07:00Z")
    socket.fire("disconnect", "transport close")
    expect(last()).toEqual({ kind: "stale", since: "2025-06-02T10:07:00.000Z" })
    // Failed attempts while the server is down keep the instant it went stale.
    clock = new Date("2025-06-02T10:09:00Z")
    socket.fire("connect_error", new Error("websocket error"))
    expect(last()).toEqual({ kind: "stale", since: "2025-06-02T10:07:00.000Z" })
    expect(socket.disconnected).toBe(false)
    socket.fire("connect")
    socket.fire("snapshot", snapshot(9))
    expect(last()).toEqual({ kind: "live", since: "2025-06-02T10:09:00.000Z" })
  })

  it("stops and says why when the token is refused", () => {
    open()
    socket.active = false
    socket.fire("connect_error", refusal("revoked_token", "This display token was revoked."))
    expect(last()).toEqual({ kind: "refused", code: "revoked_token", message: "This display token was revoked." })
    expect(socket.disconnected).toBe(true)
    vi.advanceTimersByTime(60_000)
    expect(socket.connects).toBe(0)
  })

  it("falls back to the code when the refusal has no words", () => {
    open()
    socket.fire("connect_error", refusal("bad_token"))
    expect(last()).toEqual({ kind: "refused", code: "bad_token", message: "bad_token" })
  })

  it("tries again by itself when the server hung up on it", () => {
    open()
    socket.fire("snapshot", snapshot(5))
    socket.active = false
    socket.fire("disconnect", "io server disconnect")
    expect(last()?.kind).toBe("stale")
    vi.advanceTimersByTime(1_000)
    expect(socket.connects).toBe(1)
  })

  it("tries again after a handshake error that is not a refusal", () => {
    open()
    socket.active = false
    socket.fire("connect_error", refusal("hub not ready"))
    expect(last()).toEqual({ kind: "connecting" })
    vi.advanceTimersByTime(1_000)
    expect(socket.connects).toBe(1)
  })

  it("asks for a resync on a gap, once", () => {
    open()
    socket.fire("snapshot", snapshot(5))
    socket.fire("delta", { room: "wall", seq: 7, topic: "totals", key: "today", data: 7 })
    socket.fire("delta", { room: "wall", seq: 8, topic: "totals", key: "today", data: 8 })
    expect(socket.emitted).toEqual([["resync", { rooms: ["wall"] }]])
    socket.fire("snapshot", snapshot(8))
    expect(lives[lives.length - 1]?.awaitingResync).toEqual([])
  })

  it("asks again after a reconnect if the gap is still there", () => {
    open()
    socket.fire("snapshot", snapshot(5))
    socket.fire("delta", { room: "wall", seq: 7, topic: "totals", key: "today", data: 7 })
    socket.fire("disconnect", "transport close")
    socket.fire("connect")
    socket.fire("snapshot", snapshot(5))
    socket.fire("delta", { room: "wall", seq: 9, topic: "totals", key: "today", data: 9 })
    expect(socket.emitted.filter(([e]) => e === "resync")).toHaveLength(2)
  })

  it("ignores deltas that come before the connection's snapshot (the server sends them again after it)", () => {
    open()
    socket.fire("snapshot", snapshot(5))
    socket.fire("disconnect", "transport close")
    socket.fire("connect")
    socket.fire("delta", { room: "wall", seq: 8, topic: "totals", key: "today", data: 8 })
    expect(socket.emitted.filter(([e]) => e === "resync")).toHaveLength(0)
  })

  it("does not come back after hanging up itself", () => {
    open()
    socket.fire("snapshot", snapshot(5))
    socket.fire("connect_error", refusal("revoked_token"))
    socket.fire("disconnect", "io client disconnect")
    vi.advanceTimersByTime(60_000)
    expect(socket.connects).toBe(0)
    expect(last()?.kind).toBe("refused")
  })

  it("publishes nothing more once closed", () => {
    const connection = open()
    connection.close()
    const seen = states.length
    socket.fire("snapshot", snapshot(5))
    expect(states).toHaveLength(seen)
    expect(socket.disconnected).toBe(true)
  })

  it("shows deltas once per frame, and a drop at once with the deltas the frame had not shown yet", () => {
    const frames: Array<() => void> = []
    open({ frame: (run) => void frames.push(run) })
    socket.fire("connect")
    socket.fire("snapshot", snapshot(5))
    const shown = lives.length
    for (let seq = 6; seq <= 9; seq++) socket.fire("delta", { room: "wall", seq, topic: "totals", key: "today", data: { orders: seq } })
    expect(lives.length).toBe(shown)
    expect(frames.length).toBe(1)
    frames.splice(0).forEach((run) => run())
    expect(lives.length).toBe(shown + 1)
    expect(lives[lives.length - 1]?.rooms.wall?.totals?.today).toEqual({ orders: 9 })
    socket.fire("delta", { room: "wall", seq: 10, topic: "totals", key: "today", data: { orders: 10 } })
    socket.fire("disconnect", "transport close")
    expect(last().kind).toBe("stale")
    expect(lives[lives.length - 1]?.rooms.wall?.totals?.today).toEqual({ orders: 10 })
    const afterDrop = lives.length
    frames.splice(0).forEach((run) => run())
    expect(lives.length).toBe(afterDrop)
  })
})
