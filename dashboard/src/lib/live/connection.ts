import { io } from "socket.io-client"
import type { ConnectionState } from "./connection-state"
import { frameCoalescer, nextFrame, type FrameScheduler } from "./frame-coalescer"
import { applyDelta, applySnapshot, emptyLiveState, forgetPendingResyncs, seqsForReconnect, type Applied, type LiveState } from "@order-rhythm/live-client"
import { LIVE_NAMESPACE, isRefusalCode, type Delta, type HandshakeAuth, type Snapshot } from "@order-rhythm/live-client"

/** The part of a socket.io client socket the wall uses, so tests can drive a fake one. */
export type SocketLike = {
  readonly active: boolean
  on(event: string, listener: (...args: never[]) => void): unknown
  emit(event: string, ...args: unknown[]): unknown
  connect(): unknown
  disconnect(): unknown
}

export type SocketOptions = {
  auth: (send: (auth: HandshakeAuth) => void) => void
  transports: string[]
  reconnection: boolean
  reconnectionAttempts: number
  reconnectionDelayMax: number
}

export type SocketFactory = (url: string, options: SocketOptions) => SocketLike

export type ConnectionOptions = {
  token: string
  /** another origin (vite dev); the page's own origin when absent */
  server?: string
  channel?: string
  location?: string
  socket?: SocketFactory
  now?: () => Date
  /** wait before trying again after a handshake error that is not a refusal */
  retryMs?: number
  /** when deltas are shown: once per animation frame by default */
  frame?: FrameScheduler
}

export type Connection = { close(): void }

type ConnectError = Error & { data?: { message?: unknown } }

const defaultFactory: SocketFactory = (url, options) => io(url, options) as unknown as SocketLike

export function liveUrl(server: string | undefined): string {
  return server ? server.replace(/\/+$/, "") + LIVE_NAMESPACE : LIVE_NAMESPACE
}

/**
 * Keeps one wall screen connected for as long as it hangs there. socket.io retries a dropped or
 * unreachable server by itself (forever); this adds what it leaves to us: resuming from our seqs,
 * asking for a snapshot after a gap, reconnecting when the server hung up on us, and stopping for
 * good only when the server refused the token.
 */
export function openConnection(
  options: ConnectionOptions,
  onChange: (connection: ConnectionState, live: LiveState) => void
): Connection {
  const now = options.now ?? (() => new Date())
  const retryMs = options.retryMs ?? 5_000
  let live = emptyLiveState
  let connection: ConnectionState = { kind: "connecting" }
  let retry: ReturnType<typeof setTimeout> | undefined
  let closed = false

  const socket = (options.socket ?? defaultFactory)(liveUrl(options.server), {
    // A function, so every reconnect sends the seqs we hold then, not those of the first connect.
    auth: (send) =>
      send({
        token: options.token,
        seqs: seqsForReconnect(live),
        ...(options.channel ? { channel: options.channel } : {}),
        ...(options.location ? { location: options.location } : {}),
      }),
    // WebSocket only: behind several Medusa servers long-polling would need sticky sessions, and
    // `?server=` in vite dev would need CORS.
    transports: ["websocket"],
    reconnection: true,
    reconnectionAttempts: Infinity,
    reconnectionDelayMax: 5_000,
  })

  const show = () => {
    if (!closed) onChange(connection, live)
  }
  // Deltas are applied as they come (seqs and resyncs stay exact) but shown once per frame.
  const frame = frameCoalescer(show, options.frame ?? nextFrame)
  // Anything else shows at once, and with it whatever deltas the coming frame would have shown.
  const publish = () => {
    frame.cancel()
    show()
  }
  const goStale = () => {
    if (connection.kind === "live") connection = { kind: "stale", since: now().toISOString() }
  }
  const take = (applied: Applied) => {
    live = applied.state
    if (applied.resync.length > 0) socket.emit("resync", { rooms: applied.resync })
  }
  const retryLater = () => {
    clearTimeout(retry)
    retry = setTimeout(() => {
      if (!closed && connection.kind !== "refused" && !socket.active) socket.connect()
    }, retryMs)
  }

  // The server joins a screen to its rooms before it sends the snapshot, and re-sends after it
  // everything published meanwhile: deltas that come before this connection's snapshot are
  // early copies, and applying them against the seqs of the last connection would look like gaps.
  let snapshotSeen = false
  socket.on("connect", () => {
    live = forgetPendingResyncs(live)
    snapshotSeen = false
  })
  socket.on("snapshot", (snapshot: Snapshot) => {
    snapshotSeen = true
    take(applySnapshot(live, snapshot))
    if (connection.kind !== "live") connection = { kind: "live", since: now().toISOString() }
    publish()
  })
  // One message carries one or more deltas (those of one recount travel together).
  socket.on("delta", (...deltas: Delta[]) => {
    if (!snapshotSeen) return
    const before = live
    for (const delta of deltas) take(applyDelta(live, delta))
    if (live !== before) frame.request()
  })
  socket.on("disconnect", (reason: string) => {
    // We hung up ourselves (closed, or a refusal): nothing to retry.
    if (reason === "io client disconnect") return
    goStale()
    publish()
    // The server hung up on us (restart, or the token was revoked): socket.io leaves that to us.
    // Trying again is right either way, as a revoked token is then refused in words.
    if (!socket.active) retryLater()
  })
  socket.on("connect_error", (error: ConnectError) => {
    if (isRefusalCode(error.message)) {
      const words = error.data?.message
      connection = { kind: "refused", code: error.message, message: typeof words === "string" ? words : error.message }
      clearTimeout(retry)
      socket.disconnect()
      publish()
      return
    }
    goStale()
    publish()
    // Server down or unreachable: socket.io is already retrying (active). Anything else the
    // handshake failed on is not the token's fault, so try again ourselves.
    if (!socket.active) retryLater()
  })

  publish()
  return {
    close() {
      closed = true
      frame.cancel()
      clearTimeout(retry)
      socket.disconnect()
    },
  }
}
