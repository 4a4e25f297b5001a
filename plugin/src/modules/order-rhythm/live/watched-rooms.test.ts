import Redis from "ioredis"
import { afterAll, describe, expect, it } from "vitest"
import type { Delta, RoomState } from "../../../lib/live"
import { redisAnswers } from "../../../test-support/redis"
import { LiveHub } from "./live-hub"
import { MemoryRoomStore } from "./room-store"
import { RedisWatchedRooms } from "./watched-rooms"

// Database 6: the integration tests use 7 and flush it.
const REDIS_URL = process.env.ORDER_RHYTHM_TEST_REDIS_URL_UNIT ?? "redis://127.0.0.1:6379/6"

const hasRedis = await redisAnswers(REDIS_URL)
if (!hasRedis && process.env.CI === "true") throw new Error(`Redis does not answer at ${REDIS_URL}, and on CI these tests must run`)
if (!hasRedis) console.warn(`\n*** SKIPPING the watched-rooms tests: no Redis at ${REDIS_URL} ***\n`)

const logger = { error: () => {}, warn: () => {}, info: () => {}, debug: () => {} } as any

describe.skipIf(!hasRedis)("the rooms watched across processes, in Redis", () => {
  const clients: Redis[] = []
  const prefix = `order-rhythm-watch-test-${process.pid}-${Date.now()}`
  const connect = () => {
    const redis = new Redis(REDIS_URL)
    clients.push(redis)
    return redis
  }
  afterAll(async () => {
    const cleaner = connect()
    const keys = await cleaner.keys(`${prefix}:*`)
    if (keys.length) await cleaner.del(...keys)
    for (const client of clients) await client.quit()
  })

  it("joins what every live process announces, forgets a process that closed, and hands a dirty mark to one taker", async () => {
    const a = new RedisWatchedRooms(connect(), prefix)
    const b = new RedisWatchedRooms(connect(), prefix)
    const worker = new RedisWatchedRooms(connect(), prefix)
    await a.announce(["wall"])
    await b.announce(["wall:channel:sc_1", "inventory"])
    expect([...(await worker.watched())].sort()).toEqual(["inventory", "wall", "wall:channel:sc_1"])
    // A process says again what it watches: its old list is replaced, not added to.
    await b.announce(["inventory"])
    expect([...(await worker.watched())].sort()).toEqual(["inventory", "wall"])
    await a.close()
    expect([...(await worker.watched())]).toEqual(["inventory"])

    await worker.markDirty("wall:channel:sc_2")
    await worker.markDirty("wall:channel:sc_2")
    expect(await a.takeDirty("wall:channel:sc_2")).toBe(true)
    expect(await b.takeDirty("wall:channel:sc_2")).toBe(false)
  })

  it("lets a process without screens skip the rooms nobody watches, and the serving process recount them for its first screen", async () => {
    const serving = new RedisWatchedRooms(connect(), prefix + ":hub")
    const ingesting = new RedisWatchedRooms(connect(), prefix + ":hub")
    await serving.announce(["wall"])
    let orders = 1
    let counted = 0
    const figures = () => [
      async (): Promise<RoomState> => {
        counted++
        return { totals: { today: { orders } } }
      },
    ]
    // A worker: no sockets of its own, rooms shared through Redis.
    const worker = new LiveHub(new MemoryRoomStore(), figures, logger, ingesting)
    const sent: Delta[][] = []
    worker.useBroadcast((deltas) => sent.push(deltas))

    worker.changed(["wall", "wall:channel:sc_1"])
    await new Promise((resolve) => setTimeout(resolve, 50))
    // The watched room was counted and published; the other only marked.
    expect(counted).toBe(1)
    expect(sent.map((message) => message[0].room)).toEqual(["wall"])
    expect(await serving.takeDirty("wall:channel:sc_1")).toBe(true)
    expect(await serving.takeDirty("wall")).toBe(false)

    // Without a readable list of watched rooms, every room is counted.
    const blind = new LiveHub(new MemoryRoomStore(), figures, logger, {
      watched: () => Promise.reject(new Error("Redis is away")),
      markDirty: async () => {},
    } as unknown as RedisWatchedRooms)
    orders = 2
    blind.changed(["wall:channel:sc_3"])
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(counted).toBe(2)
    worker.stop()
    blind.stop()
  })
})
