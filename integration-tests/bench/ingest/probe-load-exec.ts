/**
 * A `medusa exec` script: what loading 500 orders' records through Query costs this process's CPU,
 * by the shape of the load. `one_graph`: the order with its items, fulfilments, payments and returns
 * in one graph (Query's remote joiner stitches the linked modules' records in). `by_module`: what
 * the plugin does (loadOrderRecords): the order with its items, then the link tables, then each
 * module's records by id, stitched by the plugin.
 * Prints `PROBE <shape> cpu_ms_per_500=a,b,c` twice per shape, and whether both shapes gave the
 * same records. Needs >= 1,500 orders. PROBE_BATCH (default 500) sets the orders per load: 1 is
 * a live order's load.
 */
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { builtPlugin as built } from "../lib/built-plugin"

const BATCH = Number(process.env.PROBE_BATCH || 500)

export default async function probe({ container }: ExecArgs) {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const steps = built("workflows/steps/load-orders.js")
  const { rows } = await knex.raw(`select id from "order" order by updated_at, id limit 1500`)
  const ids: string[] = rows.map((r: any) => r.id)
  const shapes: Record<string, (batch: string[]) => Promise<any[]>> = {
    one_graph: async (batch) => (await query.graph({ entity: "order", fields: steps.ORDER_FACT_FIELDS, filters: { id: batch } })).data,
    by_module: (batch) => steps.loadOrderRecords(query, batch),
  }
  const results: Record<string, any[]> = {}
  for (let round = 0; round < 2; round++)
    for (const [name, load] of Object.entries(shapes)) {
      const times: number[] = []
      const loaded: any[] = []
      for (let s = 0; s < ids.length; s += BATCH) {
        const t0 = process.cpuUsage()
        loaded.push(...(await load(ids.slice(s, s + BATCH))))
        const c = process.cpuUsage(t0)
        times.push((c.user + c.system) / 1000)
      }
      results[name] = loaded
      const shown = BATCH === 500 ? times.map((t) => t.toFixed(0)).join(",") : `median ${[...times].sort((a, b) => a - b)[times.length >> 1].toFixed(1)}`
      console.log(`PROBE ${name} cpu_ms_per_${BATCH}=${shown}`)
    }
  {
    const { deriveOrderFacts } = built("lib/facts/index.js")
    const facts = (orders: any[]) =>
      JSON.stringify(orders.map((order) => deriveOrderFacts({ ...order, reservation_locations: {} })).sort((a: any, b: any) => (a.order.order_id < b.order.order_id ? -1 : 1)))
    console.log(`PROBE same_facts=${facts(results.one_graph) === facts(results.by_module)}`)
  }
}
