import Redis from "ioredis"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Delta } from "../../../lib/live"
import { redisAnswers } from "../../../test-support/redis"
import { MemoryRoomStore, RedisRoomStore, RoomStore } from "./room-store"

// Database 6: the integration tests use 7 and flush it.
const REDIS_URL = process.env.ORDER_RHYTHM_TEST_REDIS_URL_UNIT ?? "redis://127.0.0.1:6379/6"

const hasRedis = await redisAnswers(REDIS_URL)
if (!hasRedis && process.env.CI === "true") throw new Error(`Redis does not answer at ${REDIS_URL}, and on CI these tests must run`)
if (!hasRedis) console.warn(`\n*** SKIPPING the Redis room store tests: no Redis at ${REDIS_URL} ***\n`)

/** What every room store must do, in memory and in Redis alike. */
function behavesAsARoomStore(name: string, make: () => Promise<{ store: RoomStore; published?: () => Delta[][] }>) {
  describe(name, () => {
    it("appends a publication under consecutive seqs, keeps the values and replays what a screen missed", async () => {
      const { store, published } = await make()
      const first = await store.append("wall", [
        { topic: "ticker", key: "latest#o1", data: { orderId: "o1" } },
        { topic: "ticker", key: "latest", data: { ids: ["o1"] } },
      ])
      const second = await store.append("wall", [
        { topic: "ticker", key: "latest#o2", data: { orderId: "o2" } },
        { topic: "ticker", key: "latest", data: { ids: ["o2"] } },
        { topic: "ticker", key: "latest#o1", data: null },
        { topic: "totals", key: "today", data: { orders: 2, reporting: null } },
      ])
      const seqs = [...first, ...second].map((delta) => delta.seq)
      expect(seqs).toEqual(seqs.map((_, i) => seqs[0] + i))
      expect(await store.seq("wall")).toBe(seqs[seqs.length - 1])
      // The removed piece is gone; a null that is a value (not a piece) stays.
      expect(await store.state("wall")).toEqual({
        ticker: { "latest#o2": { orderId: "o2" }, latest: { ids: ["o2"] } },
        totals: { today: { orders: 2, reporting: null } },
      })
      expect(await store.since("wall", first[first.length - 1].seq)).toEqual(second)
      expect(await store.since("wall", seqs[0] - 1)).toEqual([...first, ...second])
      expect(await store.append("wall", [])).toEqual([])
      if (published) {
        // One message per publication, the run as it was appended (what the servers deliver).
        await new Promise((resolve) => setTimeout(resolve, 50))
        expect(published()).toEqual([first, second])
      }
    })
  })
}

behavesAsARoomStore("the memory room store", async () => ({ store: new MemoryRoomStore() }))

describe.skipIf(!hasRedis)("with Redis", () => {
  const clients: Redis[] = []
  const prefix = `order-rhythm-test-${process.pid}-${Date.now()}`
  const channel = `${prefix}:deltas`
  const messages: Delta[][] = []

  beforeAll(async () => {
    const subscriber = new Redis(REDIS_URL)
    clients.push(subscriber)
    await subscriber.subscribe(channel)
    subscriber.on("message", (_channel: string, message: string) => messages.push(JSON.parse(message)))
  })
  afterAll(async () => {
    const cleaner = new Redis(REDIS_URL)
    const keys = await cleaner.keys(`${prefix}:*`)
    if (keys.length) await cleaner.del(...keys)
    await cleaner.quit()
    for (const client of clients) await client.quit()
  })

  behavesAsARoomStore("the Redis room store", async () => {
    const redis = new Redis(REDIS_URL)
    clients.push(redis)
    return { store: new RedisRoomStore(redis, channel, prefix), published: () => messages }
  })
})
