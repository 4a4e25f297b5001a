/**
 * A `medusa exec` script: where the CPU of the plugin's Query load goes, against the same rows read
 * by plain SQL. `full_load` is the plugin's whole load (loadOrders), `records` its orders with their
 * fulfilments and payments (loadOrderRecords), `one_graph` the same records as one graph through
 * the order's links; `order_*` the Order module's part with some of its
 * relations; `call_*` each of the load's other calls alone; `empty_call` a call that finds nothing
 * (what any call costs); `raw_sql_orders_items` the order, item and adjustment rows by knex, what
 * PostgreSQL and pg cost without Query's hydration (the rest is MikroORM building entities,
 * Medusa's serializer and formatOrder). PROBE_BATCH orders per load (default 500: the backfill's
 * batch; 1 is a live order's): prints `PROBE <part> cpu_ms_per_<batch>=...` twice per part (the
 * first round warms the JIT), each load's CPU for 500, the median of 40 loads for smaller batches.
 * Needs >= 1,500 orders: the bench:ingest shop (`BENCH_INGEST_DB=or_ck BENCH_INGEST_ORDERS=4000 ...`).
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
  const F = steps.ORDER_FIELDS as string[]
  const noReturns = F.filter((f) => !f.startsWith("returns"))
  const top = F.filter((f) => !f.includes("."))
  // The ids each call of the load is asked with, read beforehand so that a call is timed alone.
  type Known = { fulfillments: string[]; collections: string[]; lines: string[]; variants: string[] }
  const known = async (b: string[]): Promise<Known> => {
    const orders: any[] = await steps.loadOrderRecords(query, b)
    const items = orders.flatMap((o: any) => o.items ?? [])
    const orNone = (x: string[]) => (x.length ? x : ["none"])
    return {
      fulfillments: orNone(orders.flatMap((o: any) => o.fulfillments.map((f: any) => f.id))),
      collections: orNone(orders.flatMap((o: any) => o.payment_collections.flatMap((c: any) => c.payments.map((p: any) => p.payment_collection_id)))),
      lines: orNone(items.map((i: any) => i.id)),
      variants: orNone(items.map((i: any) => i.variant_id).filter(Boolean)),
    }
  }
  const parts: Record<string, (b: string[], k: Known) => Promise<any>> = {
    full_load: (b) => steps.loadOrders(query, b),
    records: (b) => steps.loadOrderRecords(query, b),
    one_graph: (b) => query.graph({ entity: "order", fields: steps.ORDER_FACT_FIELDS, filters: { id: b } }),
    empty_call: () => query.graph({ entity: "order_change", fields: ["id"], filters: { order_id: ["order_none"] } }),
    call_fulfillment_link: (b) => query.graph({ entity: "order_fulfillment", fields: ["order_id", "fulfillment_id"], filters: { order_id: b } }),
    call_payment_link: (b) => query.graph({ entity: "order_payment_collection", fields: ["order_id", "payment_collection_id"], filters: { order_id: b } }),
    call_fulfillments: (_, k) => query.graph({ entity: "fulfillment", fields: steps.FULFILLMENT_FIELDS, filters: { id: k.fulfillments } }),
    call_payments: (_, k) => query.graph({ entity: "payment", fields: steps.PAYMENT_FIELDS, filters: { payment_collection_id: k.collections } }),
    call_reservations: (_, k) => query.graph({ entity: "reservation", fields: ["line_item_id", "location_id"], filters: { line_item_id: k.lines } }),
    call_variant_items: (_, k) => query.graph({ entity: "product_variant_inventory_item", fields: ["variant_id", "inventory_item_id", "required_quantity"], filters: { variant_id: k.variants } }),
    call_changes: (b) => query.graph({ entity: "order_change", fields: ["id", "order_id", "change_type", "status", "created_at", "confirmed_at", "canceled_at"], filters: { order_id: b, status: "confirmed" } }),
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
  const groups = BATCH >= 500 ? [0, 500, 1000].map((s) => ids.slice(s, s + BATCH)) : Array.from({ length: 40 }, (_, k) => ids.slice(k * BATCH, (k + 1) * BATCH))
  const knowns: Known[] = []
  for (const group of groups) knowns.push(await known(group))
  for (let round = 0; round < 2; round++)
    for (const [name, load] of Object.entries(parts)) {
      const times: number[] = []
      for (const [g, group] of groups.entries()) {
        const t0 = process.cpuUsage()
        await load(group, knowns[g])
        const c = process.cpuUsage(t0)
        times.push((c.user + c.system) / 1000)
      }
      const shown = BATCH >= 500 ? times.map((t) => t.toFixed(0)).join(",") : `median ${[...times].sort((a, b) => a - b)[times.length >> 1].toFixed(2)}`
      console.log(`PROBE ${name.padEnd(22)} cpu_ms_per_${BATCH}=${shown}`)
    }
}
