/**
 * A `medusa exec` script: what loading orders' records through Query costs this process's CPU.
 * By the shape of the load: `one_graph`, the order with its items, fulfilments, payments and
 * returns in one graph (Query's remote joiner stitches the linked modules' records in);
 * `by_module`, what the plugin does (loadOrderRecords): the order with its items, then the link
 * tables, then each module's records by id, stitched by the plugin. Prints
 * `PROBE <shape> cpu_ms_per_<batch>=...` twice per shape (the first round warms the JIT), and
 * whether both shapes gave the same records.
 * PROBE_PARTS=1 then splits the load: `full_load` (loadOrders, with changes, reservations and
 * variant links), `order_*` the Order module's part with some of its relations, `call_*` each of
 * the load's other calls alone, `empty_call` a call that finds nothing (what any call costs), and
 * `raw_sql_orders_items` the order, item and adjustment rows by knex: what PostgreSQL and pg cost
 * without Query's hydration (the rest is MikroORM building entities, Medusa's serializer and
 * formatOrder).
 * Needs >= 1,500 orders (the bench:ingest shop). PROBE_BATCH (default 500, the backfill's batch)
 * sets the orders per load: 1 is a live order's, and then the median of PROBE_LOADS (40) loads is
 * printed.
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
  // Three loads of 500, or PROBE_LOADS (default 40) of a smaller batch.
  const loadCount = BATCH >= 500 ? Math.ceil(ids.length / BATCH) : Number(process.env.PROBE_LOADS || 40)
  const groups = Array.from({ length: loadCount }, (_, k) => ids.slice(k * BATCH, (k + 1) * BATCH)).filter((group) => group.length)
  /** Each group's load timed in CPU, twice over (the first round warms the JIT); the last round's results. */
  const timed = async <K>(name: string, load: (group: string[], g: number) => Promise<K>): Promise<K[]> => {
    let results: K[] = []
    for (let round = 0; round < 2; round++) {
      const times: number[] = []
      results = []
      for (const [g, group] of groups.entries()) {
        const t0 = process.cpuUsage()
        results.push(await load(group, g))
        const c = process.cpuUsage(t0)
        times.push((c.user + c.system) / 1000)
      }
      const shown = BATCH >= 500 ? times.map((t) => t.toFixed(0)).join(",") : `median ${[...times].sort((a, b) => a - b)[times.length >> 1].toFixed(2)}`
      console.log(`PROBE ${name.padEnd(22)} cpu_ms_per_${BATCH}=${shown}`)
    }
    return results
  }

  const oneGraph = (await timed("one_graph", async (batch) => (await query.graph({ entity: "order", fields: steps.ORDER_FACT_FIELDS, filters: { id: batch } })).data)).flat()
  const byModule = (await timed("by_module", (batch) => steps.loadOrderRecords(query, batch))).flat()
  const { deriveOrderFacts } = built("lib/facts/index.js")
  const facts = (orders: any[]) =>
    JSON.stringify(orders.map((order) => deriveOrderFacts({ ...order, reservation_locations: {} })).sort((a: any, b: any) => (a.order.order_id < b.order.order_id ? -1 : 1)))
  console.log(`PROBE same_facts=${facts(oneGraph) === facts(byModule)}`)
  if (process.env.PROBE_PARTS) await parts(knex, query, steps, groups, timed)
}

async function parts(knex: any, query: any, steps: any, groups: string[][], timed: (name: string, load: (group: string[], g: number) => Promise<unknown>) => Promise<unknown>) {
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
  const loads: Record<string, (b: string[], k: Known) => Promise<any>> = {
    full_load: (b) => steps.loadOrders(query, b),
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
  const knowns: Known[] = []
  for (const group of groups) knowns.push(await known(group))
  for (const [name, load] of Object.entries(loads)) await timed(name, (group, g) => load(group, knowns[g]))
}
