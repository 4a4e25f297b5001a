import Redis from "ioredis"
import type { Logger } from "@medusajs/framework/types"
import type { PluginOptions } from "../../../lib/options"
import { Identify, LiveHub, RoomFigures } from "./live-hub"
import { MemoryRoomStore, RedisRoomStore, RoomStore } from "./room-store"
import { DELTA_CHANNEL, type SocketServer } from "./socket-server"
import { startSocketServerThread } from "./socket-thread"
import { RedisWatchedRooms } from "./watched-rooms"

export type LiveStream = { hub: LiveHub; screens: SocketServer | null; close(): Promise<void> }

/** "Today" moves with the clock even when no order comes: watched rooms are recounted this often. */
const CLOCK_RECOUNT_MS = 60_000

/**
 * Puts the live hub where this process can serve it. With `redisUrl`, rooms, sequences and
 * replay buffers are shared through Redis (Socket.IO's own connection-state recovery does
 * not work with its Redis adapter, hence our own sequences). The hub and its figures stay in
 * the main thread; the screens are served from a thread of their own (./screen-thread).
 */
export async function startLiveStream(input: {
  options: PluginOptions
  logger: Logger
  figures: RoomFigures
  identify: Identify
  workerOnly: boolean
}): Promise<LiveStream | null> {
  const { options, logger } = input
  const redis = options.redisUrl ? new Redis(options.redisUrl, { maxRetriesPerRequest: 2 }) : null
  const store: RoomStore = redis ? new RedisRoomStore(redis, DELTA_CHANNEL) : new MemoryRoomStore()
  const watching = redis ? new RedisWatchedRooms(redis) : null
  const hub = new LiveHub(store, input.figures, logger, watching)
  hub.timezone = options.timezone
  // Closed in reverse: this process stops counting as a watcher before its Redis connection goes.
  const closers: Array<() => Promise<unknown> | void> = [() => store.close()]
  if (redis) closers.push(() => redis.quit(), () => watching?.close().catch(() => {}))
  const close = async () => {
    // First: no recount, clock or watch tick starts while the rest shuts down.
    hub.stop()
    for (const closer of closers.reverse()) await closer()
  }

  if (input.workerOnly) {
    // The room store publishes every delta it appends; the servers deliver them.
    if (!redis) logger.warn("order-rhythm: a worker-mode process without redisUrl cannot reach the wall's screens")
    return { hub, screens: null, close }
  }

  const screenOptions = { port: options.socket.port, host: options.socket.host, corsOrigins: options.socket.corsOrigins, redisUrl: options.redisUrl ?? null, timezone: options.timezone }
  const screens = await startSocketServerThread(screenOptions, hub.access(input.identify), logger, options.socket.thread)
  if (!screens) {
    await close()
    return null
  }
  hub.useScreens(screens)
  // With Redis the screens' server hears every publication on the delta channel, this process's too.
  if (!redis) hub.useBroadcast((deltas) => screens.deliver(deltas))
  const clock = setInterval(() => hub.changed(hub.watchedRooms()), CLOCK_RECOUNT_MS)
  clock.unref()
  closers.push(() => clearInterval(clock), () => screens.close())
  return { hub, screens, close }
}
