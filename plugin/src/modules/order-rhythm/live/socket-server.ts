import { performance } from "node:perf_hooks"
import { isMainThread } from "node:worker_threads"
import { Server } from "socket.io"
import Redis from "ioredis"
import { createAdapter } from "@socket.io/redis-adapter"
import type { Logger } from "@medusajs/framework/types"
import { Delta, InOrderDelivery, LIVE_NAMESPACE, RoomName } from "../../../lib/live"
import type { HubAccess } from "./live-hub"
import { LocalDelivery } from "./local-delivery"
import { acceptScreens } from "./screen-connections"
import { startWallHttpServer } from "./wall-http-server"

/**
 * With Redis every publication of every process is published on this channel by the room
 * store, as one run of deltas in seq order, and each server of screens hands it to its screens
 * in that order, as one message (held briefly if one ever overtakes another). Socket.IO's
 * Redis adapter would deliver a process's own deltas at once and the others' later, and
 * screens would see seqs overtake.
 */
export const DELTA_CHANNEL = "order-rhythm:deltas"

/** Plain data only: these cross into the screen thread. */
export type SocketServerOptions = {
  port: number
  host: string
  corsOrigins: string[]
  /** With Redis, deltas arrive on DELTA_CHANNEL from every process, this one's included. */
  redisUrl: string | null
  /** the store's IANA zone, which the wall server tells the wall for its clock */
  timezone?: string
}

/**
 * `inThread`: the heap is the screen thread's own, apart from the process's main heap, and
 * `busyMs` how long its event loop has been busy since it started (wall time).
 */
export type SocketServerStats = { sockets: number; heapUsed: number; external: number; inThread: boolean; busyMs: number }

/** The wall's HTTP server with Socket.IO on it, and the screens connected to it. */
export type SocketServer = {
  port: number
  /** One room's deltas in seq order, as one message (without Redis: the hub's publications). */
  deliver(deltas: Delta[]): void
  /** Cuts every screen of a token, here and (with Redis) on the other servers. */
  cut(tokenId: string): void
  watches(room: RoomName): boolean
  rooms(): RoomName[]
  /**
   * Sockets and this server's own heap (the screen thread's, when it runs in one); `collect`
   * first runs the garbage collector twice where it is exposed (--expose-gc, benchmarks).
   */
  stats(collect?: boolean): Promise<SocketServerStats>
  close(): Promise<void>
}

/** A room the hub counts for screens (not a socket's own room, nor a token's). */
export const isFigureRoom = (room: RoomName) => room.startsWith("wall") || room.startsWith("inventory")

/**
 * Starts the wall display's server with Socket.IO (namespace /rhythm) on it. `watchedChanged`
 * hears whenever a room gains its first screen or loses its last one. Null when the port
 * cannot be had (already logged).
 */
export async function startSocketServer(
  options: SocketServerOptions,
  access: HubAccess,
  logger: Logger,
  watchedChanged: (rooms: RoomName[]) => void = () => {}
): Promise<SocketServer | null> {
  const wall = await startWallHttpServer({ port: options.port, host: options.host, logger, timezone: options.timezone })
  if (!wall) return null
  const io = new Server(wall.server, {
    serveClient: false,
    // The served wall is same-origin; other origins only when the operator lists them.
    cors: { origin: options.corsOrigins.length ? options.corsOrigins : false },
  })
  const nsp = io.of(LIVE_NAMESPACE)
  const local = new LocalDelivery(nsp)
  const closers: Array<() => Promise<unknown> | void> = []

  if (options.redisUrl) {
    // The adapter carries what crosses processes besides deltas: a revoked token's sockets
    // are cut on every server.
    const pub = new Redis(options.redisUrl, { maxRetriesPerRequest: 2 })
    const sub = pub.duplicate()
    io.adapter(createAdapter(pub, sub))
    const deltas = pub.duplicate()
    const inOrder = new InOrderDelivery((run: Delta[]) => local.deliver(run))
    await deltas.subscribe(DELTA_CHANNEL)
    // A message is one publication's run of deltas (room-store's APPEND_SCRIPT).
    deltas.on("message", (_channel: string, message: string) => inOrder.push(JSON.parse(message)))
    closers.push(() => pub.quit(), () => sub.quit(), () => deltas.quit(), () => inOrder.stop())
  }

  const rooms = () => [...nsp.adapter.rooms.keys()].filter(isFigureRoom)
  const roomsChanged = (room: RoomName) => isFigureRoom(room) && watchedChanged(rooms())
  // The adapter is replaced above (with Redis): listen on the one in use.
  nsp.adapter.on("create-room", roomsChanged)
  nsp.adapter.on("delete-room", roomsChanged)
  acceptScreens(nsp, local, access, logger)

  return {
    port: wall.port,
    deliver: (deltas) => local.deliver(deltas),
    cut: (tokenId) => nsp.in(`token:${tokenId}`).disconnectSockets(true),
    watches: (room) => (nsp.adapter.rooms.get(room)?.size ?? 0) > 0,
    rooms,
    stats: async (collect) => {
      if (collect) for (let i = 0; i < 2; i++) (globalThis as { gc?: () => void }).gc?.()
      const memory = process.memoryUsage()
      return { sockets: nsp.sockets.size, heapUsed: memory.heapUsed, external: memory.external, inThread: !isMainThread, busyMs: performance.eventLoopUtilization().active }
    },
    close: async () => {
      // Screens first, then Redis: the adapter still unsubscribes as Socket.IO closes.
      await new Promise<void>((done) => io.close(() => done()))
      await wall.close()
      for (const closer of closers.reverse()) await closer()
    },
  }
}
