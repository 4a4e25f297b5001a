/**
 * The rhythm API bench's Medusa process: the test app booted in-process over the bench's
 * database (DATABASE_URL), answering the orchestrator over IPC. Commands: info, apiSetup, stop.
 */
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createAdmin } from "../../tests/helpers/admin"
import { httpClient } from "../../src/clients/http-client"
import { bootBenchApp } from "../lib/bench-app"
import { serve } from "../live/rpc"


const booted = bootBenchApp("rhythm API bench server")

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
  stop: async () => {
    const { app } = await booted
    setTimeout(() => process.exit(0), 20_000).unref()
    await app.shutdown().catch((error: any) => console.error(`rhythm API bench server: shutdown: ${error?.message ?? error}`))
    setImmediate(() => process.exit(0))
    return true
  },
})

process.on("disconnect", () => process.exit(0))
