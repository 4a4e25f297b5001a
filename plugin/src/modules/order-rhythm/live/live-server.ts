import { Server } from "socket.io"
import Redis from "ioredis"
import { createAdapter } from "@socket.io/redis-adapter"
import type { Logger } from "@medusajs/framework/types"
import { Delta, InOrderDelivery, LIVE_NAMESPACE } from "../../../lib/live"
import type { PluginOptions } from "../../../lib/options"
import { Identify, LiveHub, RoomFigures } from "./live-hub"
import { MemoryRoomStore, RedisRoomStore, RoomStore } from "./room-store"
import { startWallServer, WallServer } from "./wall-server"
import { LocalDelivery } from "./local-delivery"
import { RedisWatchedRooms } from "./watched-rooms"

export type LiveServer = { hub: LiveHub; wall: WallServer | null; close(): Promise<void> }

/**
 * With Redis every publication of every process is published on this channel by the room
 * store, as one run of deltas in seq order, and each serving process hands it to its screens
 * in that order, as one message (held briefly if one ever overtakes another). Socket.IO's
 * Redis adapter would deliver a process's own deltas at once and the others' later, and
 * screens would see seqs overtake.
 */
const DELTA_CHANNEL = "order-rhythm:deltas"

/** "Today" moves with the clock even when no order comes: watched rooms are recounted this often. */
const CLOCK_RECOUNT_MS = 60_000

/**
 * Puts the live hub where this process can serve it. With `redisUrl`, rooms, sequences and
 * replay buffers are shared through Redis (Socket.IO's own connection-state recovery does
 * not work with its Redis adapter, hence our own sequences).
 */
export async function startLiveServer(input: {
  options: PluginOptions
  logger: Logger
  figures: RoomFigures
  identify: Identify
  workerOnly: boolean
}): Promise<LiveServer | null> {
  const { options, logger } = input
  const redis = options.redisUrl ? new Redis(options.redisUrl, { maxRetriesPerRequest: 2 }) : null
  const store: RoomStore = redis ? new RedisRoomStore(redis, DELTA_CHANNEL) : new MemoryRoomStore()
  const watching = redis ? new RedisWatchedRooms(redis) : null
  const hub = new LiveHub(store, input.figures, logger, watching)
  hub.timezone = options.timezone
  // Closed in reverse: this process stops counting as a watcher before its Redis connection goes.
  const closers: Array<() => Promise<unknown> | void> = [() => store.close()]
  const stopWatching = () => watching?.close().catch(() => {})
  const close = async () => {
    // First: no recount, clock or watch tick starts while the rest shuts down.
    hub.stop()
    for (const closer of closers.reverse()) await closer()
  }

  if (input.workerOnly) {
    if (!redis) {
      logger.warn("order-rhythm: a worker-mode process without redisUrl cannot reach the wall's screens")
      return { hub, wall: null, close }
    }
    // The room store publishes every delta it appends; the servers deliver them.
    closers.push(() => redis.quit(), stopWatching)
    return { hub, wall: null, close }
  }

  const wall = await startWallServer({ port: options.socket.port, host: options.socket.host, logger })
  if (!wall) {
    await redis?.quit()
    return null
  }
  const io = new Server(wall.server, {
    serveClient: false,
    // The served wall is same-origin; other origins only when the operator lists them.
    cors: { origin: options.socket.corsOrigins.length ? options.socket.corsOrigins : false },
  })
  const nsp = io.of(LIVE_NAMESPACE)
  const local = new LocalDelivery(nsp)
  if (redis) {
    // The adapter still carries what crosses processes besides deltas: a revoked token's
    // sockets are cut on every server.
    const pub = redis.duplicate()
    const sub = redis.duplicate()
    io.adapter(createAdapter(pub, sub))
    const deltas = redis.duplicate()
    const inOrder = new InOrderDelivery((run: Delta[]) => local.deliver(run))
    await deltas.subscribe(DELTA_CHANNEL)
    // A message is one publication's run of deltas (room-store's APPEND_SCRIPT).
    deltas.on("message", (_channel: string, message: string) => inOrder.push(JSON.parse(message)))
    closers.push(() => redis.quit(), () => pub.quit(), () => sub.quit(), () => deltas.quit(), () => inOrder.stop(), stopWatching)
  } else {
    hub.useBroadcast((deltas) => local.deliver(deltas))
  }
  hub.serve(nsp, input.identify, local)
  const clock = setInterval(() => hub.changed(hub.watchedRooms()), CLOCK_RECOUNT_MS)
  clock.unref()
  closers.push(() => clearInterval(clock), () => new Promise<void>((done) => io.close(() => done())), () => wall.close())
  return { hub, wall, close }
}
