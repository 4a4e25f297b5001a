/**
 * A `medusa exec` script: where the CPU of the backfill's Query load goes, 500 orders at a time,
 * against the same rows read by plain SQL. `full_load` is the plugin's whole load (loadOrders);
 * `order_*` the Order module's part with some of its relations; `raw_sql_orders_items` the order,
 * item and adjustment rows by knex, what PostgreSQL and pg cost without Query's hydration (the
 * rest is MikroORM building entities, Medusa's serializer and formatOrder). Prints
 * `PROBE <part> cpu_ms_per_500=a,b,c` twice per part (the first round warms the JIT). Needs
 * >= 1,500 orders: the bench:ingest shop (`BENCH_INGEST_DB=or_ck BENCH_INGEST_ORDERS=4000 ...`).
 */
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { builtPlugin as built } from "../lib/built-plugin"

export default async function probe({ container }: ExecArgs) {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const steps = built("workflows/steps/load-orders.js")
  const { rows } = await knex.raw(`select id from "order" order by updated_at, id limit 1500`)
  const ids: string[] = rows.map((r: any) => r.id)
  const F = steps.ORDER_FIELDS as string[]
  const noReturns = F.filter((f) => !f.startsWith("returns"))
  const top = F.filter((f) => !f.includes("."))
  const parts: Record<string, (b: string[]) => Promise<any>> = {
    full_load: (b) => steps.loadOrders(query, b),
    order_fields: (b) => query.graph({ entity: "order", fields: F, filters: { id: b } }),
    order_no_returns: (b) => query.graph({ entity: "order", fields: noReturns, filters: { id: b } }),
    order_top_only: (b) => query.graph({ entity: "order", fields: top, filters: { id: b } }),
    order_items_basic: (b) => query.graph({ entity: "order", fields: [...top, "items.id", "items.quantity", "items.unit_price"], filters: { id: b } }),
    order_items_detail: (b) => query.graph({ entity: "order", fields: [...top, "items.id", "items.detail.quantity"], filters: { id: b } }),
    order_items_adj: (b) => query.graph({ entity: "order", fields: [...top, "items.id", "items.adjustments.*"], filters: { id: b } }),
    order_items_tax: (b) => query.graph({ entity: "order", fields: [...top, "items.id", "items.tax_lines.rate"], filters: { id: b } }),
    raw_sql_orders_items: async (b) => {
      const o = await knex.raw(`select * from "order" where id = any(?)`, [b])
      const i = await knex.raw(`select oi.*, li.* from order_item oi join order_line_item li on li.id = oi.item_id join "order" o on o.id = oi.order_id and o.version = oi.version where oi.order_id = any(?)`, [b])
      const a = await knex.raw(`select * from order_line_item_adjustment where item_id = any(?)`, [i.rows.map((r: any) => r.item_id)])
      return [o, i, a]
    },
  }
  for (let round = 0; round < 2; round++)
    for (const [name, load] of Object.entries(parts)) {
      const times: number[] = []
      for (let s = 0; s < ids.length; s += 500) {
        const t0 = process.cpuUsage()
        await load(ids.slice(s, s + 500))
        const c = process.cpuUsage(t0)
        times.push((c.user + c.system) / 1000)
      }
      console.log(`PROBE ${name.padEnd(22)} cpu_ms_per_500=${times.map((t) => t.toFixed(0)).join(",")}`)
    }
}
