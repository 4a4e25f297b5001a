/**
 * A `medusa exec` script: what one order costs the plugin's process in CPU, part by part, on
 * whatever orders the database holds (the pizza shop of `pnpm bench:ingest`). The checkout bench's
 * CPU per checkout is the sum over a phase, and at the 1-2 checkouts a second a slow machine
 * completes its phases hold 10-30 orders: too few to see a 10 ms change. Here each part runs
 * alone, many times, and prints its median. Prints lines prefixed `COST `.
 *   COST_ORDERS (default 40): orders per part, the newest in the database.
 *   COST_CPU_PROF=file.cpuprofile: a V8 CPU profile of the parts' loop, for Chrome's DevTools.
 */
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { writeFileSync } from "node:fs"
import { builtPlugin as built } from "../lib/built-plugin"
import { startCpuProfile } from "../lib/cpu-profile"


export default async function perOrderCost({ container }: ExecArgs) {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const rhythm = container.resolve("orderRhythm") as any
  const { ingestOrdersWorkflow, ingestInventoryWorkflow } = require("order-rhythm/workflows")
  const { loadOrders } = built("workflows/steps/load-orders.js")
  const { refreshStaleDigests } = built("modules/order-rhythm/store/flow-digests.js")
  const count = Number(process.env.COST_ORDERS || 40)
  const { rows } = await knex.raw(`select id from "order" order by created_at desc limit ?`, [count + 100])
  const ids: string[] = rows.map((row: any) => row.id)
  if (ids.length < count + 100) throw new Error(`the database holds ${ids.length} orders; this needs ${count + 100}`)
  const orders = await loadOrders(query, ids.slice(0, count))
  const itemsOf = orders.map((order: any) =>
    [...new Set(order.items.flatMap((item: any) => item.variant?.inventory_items?.map((link: any) => link.inventory_item_id) ?? []))]
  )
  const cpuMs = () => {
    const used = process.cpuUsage()
    return (used.user + used.system) / 1000
  }
  const costs: Record<string, number[]> = {}
  const measure = async (part: string, run: () => Promise<unknown>) => {
    const before = cpuMs()
    await run()
    ;(costs[part] ??= []).push(cpuMs() - before)
  }
  const profiler = process.env.COST_CPU_PROF ? await startCpuProfile() : null
  for (let i = 0; i < count; i++) {
    // An ingest (order.placed's path), the stock ingest its checkout causes, the digest settle that
    // follows within SETTLE_DELAY_MS, and the load alone, each for one order.
    await measure("ingest order (workflow: load, derive, write, recount)", () => ingestOrdersWorkflow(container).run({ input: { order_ids: [ids[i]] } }))
    await measure("  of which the Query load", () => loadOrders(query, [ids[i + 50]]))
    await measure("ingest its stock (workflow)", () => ingestInventoryWorkflow(container).run({ input: { inventory_item_ids: itemsOf[i] } }))
    await measure("recount the stale cycle-time digests", () => rhythm.inTransaction((trx: any) => refreshStaleDigests(trx, rhythm.options.slaHours)))
  }
  if (profiler) {
    writeFileSync(process.env.COST_CPU_PROF!, JSON.stringify(await profiler.stop()))
    console.log(`COST profile written to ${process.env.COST_CPU_PROF}`)
  }
  for (const [part, samples] of Object.entries(costs)) {
    // The first few calls compile code; the median of the rest is the steady cost.
    const steady = samples.slice(Math.min(5, samples.length - 1)).sort((a, b) => a - b)
    console.log(`COST ${part}: median ${steady[steady.length >> 1].toFixed(1)} ms CPU (p90 ${steady[Math.floor(steady.length * 0.9)].toFixed(1)}, n ${steady.length})`)
  }
  const batch = ids.slice(0, 100)
  const before = cpuMs()
  await loadOrders(query, batch)
  console.log(`COST Query load of 100 orders at once: ${(cpuMs() - before).toFixed(0)} ms CPU`)
}

