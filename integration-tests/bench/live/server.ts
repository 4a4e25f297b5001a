/**
 * The bench's server process: the test app booted in-process the way @medusajs/test-utils'
 * medusaIntegrationTestRunner boots it (its `startApp`: Medusa's loaders on an Express app,
 * then listen), so this process holds the Medusa container. Why in-process and not
 * `medusa start`: the burst's `order.placed` events go through Medusa's event bus, which is
 * local (in-process) here, so they can only be emitted from inside the server process. The
 * orchestrator (shopper) drives this process over Node's IPC channel; everything the shopper
 * does to the shop goes through the store API over HTTP, as a real shopper's would.
 *
 * Commands: info, mem, prepareBurst, burst, probe, handoffs, stop (see the handlers below).
 */
import path from "node:path"
import { performance } from "node:perf_hooks"
import { emitPlacedOnSchedule } from "../lib/burst"
import { Modules } from "@medusajs/framework/utils"
import { seedStore, SeedProduct } from "../../src/seed/store"
import { createAdmin } from "../../tests/helpers/admin"
import { httpClient } from "../../src/clients/http-client"
import { now, serve } from "./rpc"
import { rowKey } from "../../../plugin/src/lib/live"
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { startApp } = require("@medusajs/test-utils/dist/medusa-test-runner-utils/bootstrap-app")

const APP_DIR = path.resolve(__dirname, "..", "..")

/** Enough stock that no run of the bench sells out. */
export const BENCH_CATALOGUE: SeedProduct[] = [
  {
    title: "Espresso Beans",
    handle: "espresso-beans",
    variants: [
      { sku: "BEANS-250", title: "250 g", price: 12, stock: 1_000_000 },
      { sku: "BEANS-1000", title: "1 kg", price: 38, stock: 1_000_000 },
    ],
  },
  { title: "Paper Filters", handle: "paper-filters", variants: [{ sku: "FILTER-100", title: "100 pack", price: 6, stock: 1_000_000 }] },
]

const gc = (globalThis as any).gc as (() => void) | undefined

async function boot() {
  process.chdir(APP_DIR)
  const app = await startApp({ cwd: APP_DIR })
  const container = app.container
  const url = `http://localhost:${app.port}`
  const api = httpClient(url)
  const store = await seedStore(container, {
    channelName: "Bench shop",
    currency: "eur",
    countries: ["de"],
    locationName: "Berlin",
    products: BENCH_CATALOGUE,
  })
  const admin = await createAdmin(container, api, "bench@order-rhythm.test")
  const {
    data: { display_token },
  } = await api.post("/admin/order-rhythm/display-tokens", { name: "Bench wall", scopes: ["wall"] }, { headers: admin.headers })
  const rhythm = container.resolve("orderRhythm") as any
  const wallPort = (await rhythm.live.port()) as number
  if (!wallPort) throw new Error("the plugin's live server did not start")
  stampHandoffs((await rhythm.live.stream)?.screens)
  return { app, container, rhythm, info: { url, wallPort, store, token: display_token.token as string, pid: process.pid } }
}

const booted = boot()
booted.catch((error) => {
  console.error(`bench server: boot failed: ${error?.stack ?? error}`)
  process.exit(1)
})

function memory() {
  gc?.()
  gc?.()
  const m = process.memoryUsage()
  return { rss: m.rss, heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers, gcExposed: Boolean(gc) }
}


/** When each order's ticker entry was handed to the screens' server (order id -> time). */
const handedOff = new Map<string, number>()

/**
 * Splits an order's way to the screens in two: up to the moment the hub hands its ticker entry
 * to the screens' server (Medusa's thread: the event, the load, the early publication), and
 * from there to the screen (the hop to the screen thread, the fan-out, the screens' process).
 * Only where the hub hands deltas to the screens itself, not through Redis (server+worker).
 */
function stampHandoffs(screens: { deliver(deltas: Array<{ topic: string; key: string; data: unknown }>): void } | null | undefined) {
  if (!screens) return
  const deliver = screens.deliver.bind(screens)
  // An order's own ticker entry is the row key `latest#<order id>` (live-client/src/row-keys).
  const entryPrefix = rowKey("latest", "")
  screens.deliver = (deltas) => {
    const at = now()
    for (const delta of deltas) {
      if (delta.topic !== "ticker" || !delta.key.startsWith(entryPrefix) || delta.data === null) continue
      const id = delta.key.slice(entryPrefix.length)
      if (!handedOff.has(id)) handedOff.set(id, at)
    }
    deliver(deltas)
  }
}

/** A room's figures as the hub counts them: its parts, one after the other. */
async function countRoom(rhythm: any, room: string) {
  const figures: unknown[] = []
  for (const part of rhythm.figures.roomFigures(room)) figures.push(await part())
  return figures
}

serve({
  info: async () => (await booted).info,
  now: () => now(),
  mem: async () => {
    const { rhythm } = await booted
    const live = await rhythm.live.stream
    const own = memory()
    // The screens' sockets live in their own thread, with a heap of its own: both count.
    const screens = await live?.screens?.stats(true)
    if (!screens?.inThread) return { ...own, sockets: screens?.sockets ?? null }
    return { ...own, heapUsed: own.heapUsed + screens.heapUsed, external: own.external + screens.external, sockets: screens.sockets }
  },
  /**
   * Orders for the burst, made beforehand through the Order module's createOrders in
   * batches (checkout cannot go at 200 orders/s on 2 cores); they emit no events.
   */
  prepareBurst: async ({ count }: { count: number }) => {
    const { container, info } = await booted
    const orders = container.resolve(Modules.ORDER)
    const variants = Object.entries(info.store.variants)
    const ids: string[] = []
    for (let start = 0; start < count; start += 200) {
      const batch = Array.from({ length: Math.min(200, count - start) }, (_, k) => {
        const i = start + k
        const [sku, variant] = variants[i % variants.length]
        return {
          region_id: info.store.regionId,
          sales_channel_id: info.store.salesChannelId,
          currency_code: "eur",
          email: `burst${i}@example.com`,
          status: "pending" as const,
          items: [
            { title: `Bench ${sku}`, product_title: "Bench", variant_title: sku, variant_sku: sku, variant_id: variant.id, quantity: 1 + (i % 3), unit_price: variant.price },
          ],
        }
      })
      const created = await orders.createOrders(batch as any)
      ids.push(...created.map((order: any) => order.id))
    }
    return ids
  },
  /**
   * Emits `order.placed` for the given orders through Medusa's event bus at `perSecond`, on a
   * fixed schedule of ticks (50 ms, or one order's interval when that is longer), each tick
   * emitting what the schedule owes so far; returns when each emit happened. Owed, not a rounded
   * count per tick: below 20/s a rounded count of at least one per 50 ms tick ran at 20/s.
   */
  burst: async ({ ids, perSecond }: { ids: string[]; perSecond: number }) => {
    const { container } = await booted
    const { tickMs, ticks } = await emitPlacedOnSchedule(container.resolve(Modules.EVENT_BUS), ids, perSecond)
    const first = ticks[0]?.doneAt ?? 0
    const last = ticks[ticks.length - 1]?.doneAt ?? 0
    return { first, last, emitted: ids.length, achievedPerSecond: ids.length / ((last - first) / 1000 + tickMs / 1000) }
  },
  /**
   * What one recount of a wall room costs (the hub recounts `wall` and the order's
   * `wall:channel:<id>` on every order): the plugin's own figures call, timed here, plus
   * the CPU time this process spent meanwhile.
   */
  probe: async ({ times = 5 }: { times?: number } = {}) => {
    const { rhythm, info } = await booted
    const out: Record<string, { wallMs: number; cpuMs: number; bytes: number }> = {}
    for (const [name, call] of [
      ["wall", () => countRoom(rhythm, "wall")],
      ["channel", () => countRoom(rhythm, `wall:channel:${info.store.salesChannelId}`)],
    ] as const) {
      const walls: number[] = []
      const cpus: number[] = []
      let bytes = 0
      for (let i = 0; i < times; i++) {
        const c0 = process.cpuUsage()
        const t0 = now()
        const figures = await call()
        walls.push(now() - t0)
        const c = process.cpuUsage(c0)
        cpus.push((c.user + c.system) / 1000)
        bytes = JSON.stringify(figures).length
      }
      const med = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1]
      out[name] = { wallMs: med(walls), cpuMs: med(cpus), bytes }
    }
    return out
  },
  /** When each of these orders' ticker entries was handed to the screens' server (null: not seen); forgets them. */
  handoffs: ({ orderIds }: { orderIds: string[] }) => {
    const out = Object.fromEntries(orderIds.map((id) => [id, handedOff.get(id) ?? null]))
    for (const id of orderIds) handedOff.delete(id)
    return out
  },
  cpu: () => process.cpuUsage(),
  /**
   * How long Medusa's own thread (its event loop) has been busy, in ms: what an order costs the
   * thread that serves checkouts, the screens' work apart when they have a thread of their own.
   * Wall time, not CPU: on a saturated machine it is simply the time between orders.
   */
  mainThreadBusy: () => performance.eventLoopUtilization().active,
  /** The same for the screen thread, when the screens have one (null when they do not). */
  screenThreadBusy: async () => {
    const { rhythm } = await booted
    const stats = await (await rhythm.live.stream)?.screens?.stats()
    return stats?.inThread ? stats.busyMs : null
  },
  stop: async () => {
    const { app } = await booted
    setTimeout(() => process.exit(0), 20_000).unref()
    await app.shutdown().catch((error: any) => console.error(`bench server: shutdown: ${error?.message ?? error}`))
    setImmediate(() => process.exit(0))
    return true
  },
})

// Never outlive the orchestrator.
process.on("disconnect", () => process.exit(0))
