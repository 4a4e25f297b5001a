/**
 * The rhythm API bench's Medusa process: the test app booted in-process over the bench's
 * database (DATABASE_URL), answering the orchestrator over IPC. Commands: info, apiSetup, stop.
 */
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createAdmin } from "../../tests/helpers/admin"
import { httpClient } from "../../src/clients/http-client"
import { bootBenchApp } from "../lib/bench-app"
import { serve } from "../live/rpc"


const booted = bootBenchApp("rhythm API bench server")

/**
 * The ingestion that goes on while the API is measured: real orders made beforehand (Medusa's
 * createOrderWorkflow, which emits nothing), then their order.placed emitted through the event
 * bus on a schedule, so the plugin's subscribers ingest them while requests are timed. Making the
 * orders during the timing would measure Medusa's order creation, not the plugin.
 */
let prepared: string[] = []
let ingestion: { timer: ReturnType<typeof setInterval>; emitted: string[]; startedMs: number } | null = null

async function prepareOrders(container: any, count: number) {
  const { createOrderWorkflow } = require("@medusajs/medusa/core-flows")
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const [{ region_id, sales_channel_id }] = (await knex.raw("select region_id, sales_channel_id from order_rhythm_order_fact where order_id like 'order_bench_%' limit 1")).rows
  for (let i = 0; i < count; i++) {
    const { result } = await createOrderWorkflow(container).run({
      input: { region_id, sales_channel_id, email: "bench-shopper@order-rhythm.test", currency_code: "cny", items: [{ title: "Bench item", quantity: 2, unit_price: 44 }] },
    })
    prepared.push(result.id)
  }
  return prepared.length
}

serve({
  info: async () => ({ url: (await booted).url, pid: process.pid }),
  apiSetup: async () => {
    const { container, url } = await booted
    const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const admin = await createAdmin(container, httpClient(url), `rhythm-api-bench-${Date.now()}@order-rhythm.test`)
    const channels = (await knex("order_rhythm_order_fact").distinct("sales_channel_id").whereNull("deleted_at")).map((r: any) => r.sales_channel_id).filter(Boolean)
    const [{ first, last, lines }] = (
      await knex.raw(
        `select (select min(placed_at) from order_rhythm_order_fact where deleted_at is null) as first,
                (select max(placed_at) from order_rhythm_order_fact where deleted_at is null) as last,
                (select count(*)::int from order_rhythm_order_line_fact where deleted_at is null) as lines`
      )
    ).rows
    return { headers: admin.headers, channels, url, first, last, lines }
  },
  ingestPrepare: async (count: number) => prepareOrders((await booted).container, count),
  ingestStart: async (perSecond: number) => {
    const { container } = await booted
    if (ingestion || !(perSecond > 0)) return false
    const eventBus = container.resolve(Modules.EVENT_BUS)
    const state = { timer: null as any, emitted: [] as string[], startedMs: Date.now() }
    state.timer = setInterval(() => {
      const id = prepared.shift()
      if (!id) return clearInterval(state.timer)
      state.emitted.push(id)
      void eventBus.emit({ name: "order.placed", data: { id } })
    }, 1000 / perSecond)
    ingestion = state
    return true
  },
  ingestStop: async () => {
    if (!ingestion) return { emitted: 0, ingested: 0, per_s: 0 }
    clearInterval(ingestion.timer)
    const { emitted, startedMs } = ingestion
    ingestion = null
    const knex = (await booted).container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const [{ ingested }] = (await knex.raw("select count(*)::int as ingested from order_rhythm_order_fact where order_id = any(?)", [emitted])).rows
    return { emitted: emitted.length, ingested, per_s: +(emitted.length / ((Date.now() - startedMs) / 1000)).toFixed(2) }
  },
  stop: async () => {
    const { app } = await booted
    setTimeout(() => process.exit(0), 20_000).unref()
    await app.shutdown().catch((error: any) => console.error(`rhythm API bench server: shutdown: ${error?.message ?? error}`))
    setImmediate(() => process.exit(0))
    return true
  },
})

process.on("disconnect", () => process.exit(0))
