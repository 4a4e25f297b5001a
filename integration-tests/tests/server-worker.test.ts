import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { SeededStore } from "../src/seed/store"
import { seedWebShop } from "./helpers/store"
import { createAdmin, AdminSession } from "./helpers/admin"
import { placeOrder } from "../src/clients/shopper"
import { waitFor } from "./helpers/wait"
import { LiveScreen } from "./helpers/live-client"
import { httpClient } from "../src/clients/http-client"
import { redisForTests, TEST_REDIS_URL } from "./helpers/redis"
import { RunningMedusa, startMedusa, wallPortOf } from "./helpers/medusa-server"
import Redis from "ioredis"

/**
 * Medusa's production topology: a `server` process answers the shop and the wall's screens, a
 * `worker` process runs the subscribers and jobs, events pass between them through Redis
 * (medusa-config.js, MEDUSA_EVENT_BUS=redis). The plugin ingests in the worker and reaches the
 * server's screens through its Redis room store.
 *
 * This test's own in-process app has the plugin without `redisUrl`: it migrates and seeds, and
 * nothing it might ingest can reach the two processes' screens.
 */
process.env.ORDER_RHYTHM_OPTIONS = JSON.stringify({ timezone: "Asia/Shanghai", socket: { port: 0 } })
const SHARED_OPTIONS = JSON.stringify({ timezone: "Asia/Shanghai", socket: { port: 0 }, redisUrl: TEST_REDIS_URL })

const hasRedis = await redisForTests("the server + worker tests")

/** The rooms the live serving processes say they watch (plugin live/watched-rooms). */
async function watchedAnywhere(redis: Redis): Promise<string[]> {
  const ids = await redis.zrangebyscore("order-rhythm:watchers", Date.now(), "+inf")
  const lists = ids.length ? await redis.mget(ids.map((id) => `order-rhythm:watching:${id}`)) : []
  return lists.flatMap((json) => (json ? JSON.parse(json) : []))
}

const tickerHas = (screen: LiveScreen, orderId: string) => screen.ticker().some((entry) => entry.orderId === orderId)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe.skipIf(!hasRedis)("Medusa's server + worker topology", () => {
  medusaIntegrationTestRunner({
    testSuite: ({ api, getContainer, dbConfig }) => {
      let store: SeededStore
      let admin: AdminSession
      const running: RunningMedusa[] = []
      const screens: LiveScreen[] = []

      beforeEach(async () => {
        store = await seedWebShop(getContainer(), { locationName: "Berlin" })
        admin = await createAdmin(getContainer(), api)
      })

      afterEach(async () => {
        for (const screen of screens.splice(0)) screen.close()
        for (const process of running.splice(0)) await process.stop()
      })

      it("ingests in the worker what the server sells, shows it on the server's screens, and loses nothing while the worker is down", async () => {
        const queue = `order-rhythm-server-worker-${Date.now()}`
        const env = (mode: "server" | "worker") => ({
          DATABASE_URL: dbConfig.clientUrl,
          ORDER_RHYTHM_OPTIONS: SHARED_OPTIONS,
          MEDUSA_WORKER_MODE: mode,
          MEDUSA_EVENT_BUS: "redis",
          EVENT_BUS_REDIS_URL: TEST_REDIS_URL,
          MEDUSA_EVENT_QUEUE: queue,
        })
        const startIn = async (mode: "server" | "worker") => {
          const process = await startMedusa(env(mode), 20_000 + Math.floor(Math.random() * 1000))
          running.push(process)
          return process
        }
        const server = await startIn("server")
        let worker = await startIn("worker")
        const shop = httpClient(server.url)
        const screen = new LiveScreen(wallPortOf(server), admin.token)
        screens.push(screen)
        await screen.connected()

        const first = await placeOrder(shop, store, [{ sku: "BEANS-250", quantity: 2 }])
        await waitFor(async () => tickerHas(screen, first.id), 20_000, "the server's order on the server's screen, through the worker")
        const facts = async (orderId: string) =>
          (await getContainer().resolve("__pg_connection__").raw("select units from order_rhythm_order_fact where order_id = ? and deleted_at is null", [orderId])).rows
        await waitFor(async () => (await facts(first.id)).length === 1, 10_000, "the worker's facts of the first order")
        expect((await facts(first.id))[0].units).toBe(2)

        // The worker goes down. The server still sells; the event waits in Redis.
        await worker.stop()
        running.splice(running.indexOf(worker), 1)
        const second = await placeOrder(shop, store, [{ sku: "KETTLE-1", quantity: 1 }])
        await sleep(3_000)
        // Nothing of it reaches the screen while no worker runs (were the server ingesting, it would).
        expect(tickerHas(screen, second.id)).toBe(false)

        worker = await startIn("worker")
        await waitFor(async () => tickerHas(screen, second.id), 30_000, "the order placed while the worker was down, once it is back")
        await waitFor(async () => (await facts(second.id)).length === 1, 10_000, "its facts")
        expect(screen.gaps).toEqual([])

        // No screen watches any more: the worker leaves the wall's room alone (its seq stays)
        // and marks it dirty; the next screen's snapshot is recounted and holds the order.
        screen.close()
        const redis = new Redis(TEST_REDIS_URL)
        try {
          const seqOf = async () => Number((await redis.get("order-rhythm:wall:seq")) ?? 0)
          // The server says what it watches every 5 s, and its word holds 15 s (live/watched-rooms).
          await waitFor(async () => !(await watchedAnywhere(redis)).includes("wall"), 30_000, "the wall's room no longer watched")
          // The worker reads the watched rooms at most once a second.
          await sleep(1_500)
          const seqBefore = await seqOf()
          const third = await placeOrder(shop, store, [{ sku: "BEANS-250", quantity: 3 }])
          await waitFor(async () => (await facts(third.id)).length === 1, 20_000, "the unwatched order's facts")
          await waitFor(async () => (await redis.sismember("order-rhythm:dirty-rooms", "wall")) === 1, 5_000, "the wall's room marked dirty")
          expect(await seqOf()).toBe(seqBefore)
          const later = new LiveScreen(wallPortOf(server), admin.token)
          screens.push(later)
          await later.connected()
          expect(later.snapshots[0].rooms.wall).toBeDefined()
          expect(tickerHas(later, third.id)).toBe(true)
        } finally {
          await redis.quit()
        }
      })
    },
  })
})
