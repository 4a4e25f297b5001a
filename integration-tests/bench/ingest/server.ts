/**
 * The ingest bench's server process: the test app booted in-process (as bench/live/server.ts
 * does, so `order.placed` can go through Medusa's local event bus), driven over IPC.
 * Commands: seed, backfill, prepareOrders, burst, ingestedAt, multiply, apiSetup, storefront, stop.
 * The checkout phase runs two more of these, one with ORDER_RHYTHM_DISABLED=1 (bench/ingest/checkout.ts).
 */
import path from "node:path"
import { monitorEventLoopDelay, PerformanceObserver } from "node:perf_hooks"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { seedStore, type SeededStore } from "../../src/seed/store"
import { createAdmin } from "../../tests/helpers/admin"
import { httpClient } from "../../src/clients/http-client"
import { ensureCustomers, writeHistoryBatch, type HistoryTarget } from "../../src/demo/history-writer"
import { bootBenchApp } from "../lib/bench-app"
import { emitPlacedOnSchedule } from "../lib/burst"
import { now, serve } from "../live/rpc"
import { planPizzaHistory, sizeTitle, titleOfType } from "./pizza-plan"
import { factTables } from "../lib/built-plugin"

const BATCH = 250
const FACT_TABLES = factTables()

const booted = bootBenchApp("ingest bench server")
/** How late this process's event loop runs: what a checkout waits behind work already running (10 ms resolution). */
const loopDelay = monitorEventLoopDelay({ resolution: 10 })
loopDelay.enable()
/** The garbage collector's pauses since the last loopDelay call: whether a long delay was the heap's. */
let gc = { count: 0, ms: 0, maxMs: 0 }
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gc.count++
    gc.ms += entry.duration
    gc.maxMs = Math.max(gc.maxMs, entry.duration)
  }
}).observe({ entryTypes: ["gc"] })

let shop: { target: HistoryTarget; channels: Record<string, string>; regionId: string; variants: Record<string, { id: string; price: number }> } | null = null

/** What a shopper's client needs (publishable key, region, variant ids) to buy at the counter. */
let storefront: SeededStore | null = null

async function pizzaShop(container: any) {
  if (shop) return shop
  const plan = planPizzaHistory(0)
  const types = [...new Set(plan.variants.map((v) => v.type))]
  const seeded = await seedStore(container, {
    channelName: "Pizza counter",
    currency: "usd",
    countries: ["us"],
    locationName: "Kitchen",
    products: types.map((type) => ({
      title: titleOfType(type),
      handle: `pizza-${type.replace(/_/g, "-")}`,
      variants: plan.variants.filter((v) => v.type === type).map((v) => ({ sku: v.sku, title: sizeTitle(v.size), price: v.price, stock: 10_000_000 })),
    })),
  })
  storefront = seeded
  const salesChannels = container.resolve(Modules.SALES_CHANNEL)
  let [delivery] = await salesChannels.listSalesChannels({ name: "Pizza delivery" })
  delivery ??= await salesChannels.createSalesChannels({ name: "Pizza delivery" })
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product_variant", fields: ["id", "sku", "title", "product_id", "product.title"], filters: { sku: Object.keys(seeded.variants) } })
  const bySku = new Map((data as any[]).map((v) => [v.sku, v]))
  const channels = { counter: seeded.salesChannelId, delivery: delivery.id }
  shop = {
    channels,
    regionId: seeded.regionId,
    variants: Object.fromEntries(Object.entries(seeded.variants).map(([sku, v]) => [sku, { id: v.id, price: v.price }])),
    target: {
      variant: (sku) => {
        const v = bySku.get(sku)
        return { id: v.id, productId: v.product_id, inventoryItemId: seeded.variants[sku].inventoryItemId, productTitle: v.product.title, variantTitle: v.title }
      },
      location: () => seeded.stockLocationId,
      shippingOption: () => seeded.shippingOptionId,
      regionId: () => seeded.regionId,
      channelId: (p) => channels[p.channel as keyof typeof channels],
      currency: () => "usd",
      shippingFee: (p) => (p.channel === "delivery" ? 3 : 0),
      shippingName: (p) => (p.channel === "delivery" ? "Delivery" : "Pickup"),
      address1: (p) => (p.channel === "delivery" ? `${(p.key % 300) + 1} Pizza Street` : "Counter"),
    },
  }
  return shop
}

serve({
  info: async () => {
    const { url, container } = await booted
    return { url, pid: process.pid, plugin: container.hasRegistration("orderRhythm") }
  },
  /** The pizza shop and its 2015, written once per database (a rerun with BENCH_INGEST_REUSE finds it). */
  seed: async ({ limit }: { limit?: number }) => {
    const { container } = await booted
    const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const { target } = await pizzaShop(container)
    const plan = planPizzaHistory(limit ?? Infinity)
    const [{ count }] = (await knex.raw(`select count(*)::int as count from "order" where metadata ? 'demo_key' and deleted_at is null`)).rows
    if (count >= plan.orders.length) return { orders: count, lines: plan.lines, seconds: 0, reused: true }
    if (count > 0) throw new Error(`the bench database holds a partial history (${count} orders): drop it (run without BENCH_INGEST_REUSE)`)
    const started = now()
    const customers = await ensureCustomers(container, plan)
    for (let start = 0; start < plan.orders.length; start += BATCH) {
      await writeHistoryBatch(container, target, plan.orders.slice(start, start + BATCH), customers, plan)
      if ((start / BATCH) % 20 === 19) console.log(`history: ${start + BATCH} orders, ${((start + BATCH) / ((now() - started) / 1000)).toFixed(0)}/s`)
    }
    return { orders: plan.orders.length, lines: plan.lines, seconds: (now() - started) / 1000, reused: false }
  },
  /** The plugin's facts emptied, then its backfill from scratch, timed. */
  backfill: async ({ batchSize }: { batchSize?: number }) => {
    const { container } = await booted
    const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
    await knex.raw(`truncate ${FACT_TABLES.join(", ")}`)
    await knex.raw(`delete from order_rhythm_state where key like 'reconcile%'`)
    const { reconcileOrders } = require("order-rhythm/workflows")
    const started = now()
    const result = await reconcileOrders(container, { fromScratch: true, batchSize })
    const seconds = (now() - started) / 1000
    const [{ lines }] = (await knex.raw(`select count(*)::int as lines from order_rhythm_order_line_fact where deleted_at is null`)).rows
    return { orders: result.processed, lines, seconds }
  },
  /** Orders for live ingestion, made with the Order module (no events), placed now. */
  prepareOrders: async ({ count }: { count: number }) => {
    const { container } = await booted
    const { regionId, channels, variants, target } = await pizzaShop(container)
    const orders = container.resolve(Modules.ORDER) as any
    const skus = Object.keys(variants)
    const ids: string[] = []
    for (let start = 0; start < count; start += 200) {
      const batch = Array.from({ length: Math.min(200, count - start) }, (_, k) => {
        const i = start + k
        const lines = [skus[i % skus.length], skus[(i * 7 + 3) % skus.length]]
        return {
          region_id: regionId,
          sales_channel_id: i % 2 ? channels.delivery : channels.counter,
          currency_code: "usd",
          email: `live${i}@example.com`,
          status: "pending",
          items: lines.map((sku) => {
            const v = target.variant(sku)
            return { title: v.productTitle, product_title: v.productTitle, variant_title: v.variantTitle, variant_sku: sku, variant_id: v.id, product_id: v.productId, quantity: 1 + (i % 2), unit_price: variants[sku].price }
          }),
        }
      })
      const created = await orders.createOrders(batch)
      ids.push(...created.map((order: any) => order.id))
    }
    return ids
  },
  /** Emits `order.placed` for the ids at `perSecond` on a fixed 50 ms schedule; returns each id's emit time. */
  burst: async ({ ids, perSecond }: { ids: string[]; perSecond: number }) => {
    const { container } = await booted
    const { ticks } = await emitPlacedOnSchedule(container.resolve(Modules.EVENT_BUS), ids, perSecond)
    return ticks.flatMap((tick) => Array<number>(tick.count).fill(tick.startedAtEpoch))
  },
  /** This process's CPU time so far (the checkout phases' CPU per order). */
  cpu: async () => process.cpuUsage(),
  /**
   * The event loop's delay since the last call, in ms (p99 and max), the garbage collector's
   * pauses meanwhile (total and longest, ms) and the heap now (MiB); the counts restart.
   */
  loopDelay: async () => {
    const out = { p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6, gcMs: gc.ms, gcMaxMs: gc.maxMs, heapMiB: process.memoryUsage().heapUsed / 2 ** 20 }
    loopDelay.reset()
    gc = { count: 0, ms: 0, maxMs: 0 }
    return out
  },
  /** When each order's fact row was first written (epoch ms), null while not yet. */
  ingestedAt: async ({ ids }: { ids: string[] }) => {
    const { container } = await booted
    const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const { rows } = await knex.raw(`select order_id, (extract(epoch from created_at) * 1000)::float8 as at from order_rhythm_order_fact where order_id = any(?)`, [ids])
    const at = new Map<string, number>(rows.map((r: any) => [r.order_id, Number(r.at)]))
    return ids.map((id) => at.get(id) ?? null)
  },
  /**
   * The pizza year's facts copied `copies` times into earlier years (order, line and stage
   * facts, ids suffixed), then the hour buckets recounted: the plugin's tables as a store
   * with that many years of history would hold them. Only the history is copied (orders placed
   * over 30 days ago): the live phase's fresh orders are never fulfilled, and 20 copies of them
   * would put 160k years-old orders in the backlog that every request reads. Copies from an
   * earlier run are removed first.
   */
  multiply: async ({ copies }: { copies: number }) => {
    const { container } = await booted
    const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const started = now()
    for (const table of ["order_rhythm_order_fact", "order_rhythm_order_line_fact", "order_rhythm_stage_fact"]) {
      await knex.raw(`delete from ${table} where order_id like '%\\_y%'`)
    }
    // Every hour is recounted and the digests rebuilt below: nothing of an earlier run may stay.
    await knex.raw("truncate order_rhythm_hour_bucket, order_rhythm_day_bucket, order_rhythm_flow_digest, order_rhythm_stale_digest")
    const history = `select order_id from order_rhythm_order_fact where placed_at < now() - interval '30 days' and order_id not like '%\\_y%'`
    const cols = async (table: string) =>
      (await knex.raw(`select column_name, data_type from information_schema.columns where table_name = ? order by ordinal_position`, [table])).rows as Array<{ column_name: string; data_type: string }>
    for (const [table, idCols] of [
      ["order_rhythm_order_fact", ["id", "order_id"]],
      ["order_rhythm_order_line_fact", ["id", "order_id", "line_id"]],
      ["order_rhythm_stage_fact", ["id", "order_id", "key", "source_id"]],
    ] as const) {
      const columns = await cols(table)
      const names = columns.map((c) => `"${c.column_name}"`).join(", ")
      const exprs = columns
        .map((c) => {
          if ((idCols as readonly string[]).includes(c.column_name)) return `"${c.column_name}" || '_y' || k`
          if (c.data_type.startsWith("timestamp") && !["created_at", "updated_at", "deleted_at"].includes(c.column_name)) return `"${c.column_name}" - make_interval(years => k)`
          return `"${c.column_name}"`
        })
        .join(", ")
      await knex.raw(`insert into ${table} (${names}) select ${exprs} from ${table}, generate_series(1, ?) as k where order_id in (${history})`, [copies])
    }
    const [{ from, to }] = (await knex.raw(`select min(occurred_at) as "from", max(occurred_at) as "to" from (select placed_at as occurred_at from order_rhythm_order_fact union all select occurred_at from order_rhythm_stage_fact) t`)).rows
    // Recount every hour from the facts with the plugin's own recount, a month at a time.
    const { recountHourBuckets } = require(path.join(path.dirname(require.resolve("order-rhythm/package.json")), ".medusa/server/src/modules/order-rhythm/store/hour-buckets.js"))
    const { rows: keys } = await knex.raw(
      `select distinct date_trunc('hour', at) as h, ch, cur from (
         select placed_at as at, coalesce(sales_channel_id, '') as ch, currency_code as cur from order_rhythm_order_fact where deleted_at is null
         union all select occurred_at, sales_channel_id, currency_code from order_rhythm_stage_fact where deleted_at is null) t order by 1`
    )
    for (let start = 0; start < keys.length; start += 2000) {
      await knex.transaction((trx: any) =>
        recountHourBuckets(trx, keys.slice(start, start + 2000).map((k: any) => ({ hourStart: new Date(k.h).toISOString(), channel: k.ch, currency: k.cur })), "UTC")
      )
    }
    // The copies bypassed the ingest that keeps the cycle-time digests: rebuild them the way an
    // upgraded store does, with the plugin's own rebuild.
    await knex("order_rhythm_state").where({ key: "flow_digests" }).delete()
    await container.resolve("orderRhythm").ingestion.ensureFlowDigests()
    await knex.raw("analyze")
    const [{ lines }] = (await knex.raw(`select count(*)::int as lines from order_rhythm_order_line_fact where deleted_at is null`)).rows
    return { lines, seconds: (now() - started) / 1000, from, to }
  },
  apiSetup: async () => {
    const { container, url } = await booted
    const { channels } = await pizzaShop(container)
    const admin = await createAdmin(container, httpClient(url), `ingest-bench-${Date.now()}@order-rhythm.test`)
    return { headers: admin.headers, channels: Object.values(channels), url }
  },
  storefront: async () => {
    const { container } = await booted
    await pizzaShop(container)
    return storefront
  },
  stop: async () => {
    const { app } = await booted
    setTimeout(() => process.exit(0), 20_000).unref()
    await app.shutdown().catch((error: any) => console.error(`ingest bench server: shutdown: ${error?.message ?? error}`))
    setImmediate(() => process.exit(0))
    return true
  },
})

process.on("disconnect", () => process.exit(0))
