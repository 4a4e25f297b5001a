/**
 * A `medusa exec` script: the plugin's backfill from scratch over whatever orders the
 * database holds, with a per-part breakdown of the first batches (Query load, derivation,
 * facts write, bucket recounts; wall and this process's CPU). Prints one JSON line prefixed `BACKFILL `.
 *   BACKFILL_BATCH (orders per batch, default the plugin's), BACKFILL_BREAKDOWN=1,
 *   BACKFILL_EMPTY=1 (empty the plugin's facts first, as bench:ingest does: a first install).
 */
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { builtPlugin as built, factTables } from "../lib/built-plugin"


export default async function backfill({ container }: ExecArgs) {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
  const batchSize = process.env.BACKFILL_BATCH ? Number(process.env.BACKFILL_BATCH) : undefined
  if (process.env.BACKFILL_BREAKDOWN) await breakdown(container, knex, batchSize ?? 500)
  if (process.env.BACKFILL_SKIP_RUN) return
  if (process.env.BACKFILL_EMPTY) {
    await knex.raw(`truncate ${factTables().join(", ")}`)
  }
  const { reconcileOrders } = require("order-rhythm/workflows")
  const rhythm = container.resolve("orderRhythm")
  const started = performance.now()
  const result = await reconcileOrders(container, { fromScratch: true, batchSize })
  const seconds = (performance.now() - started) / 1000
  // What the backfill left marked stale for the cycle-time digests (recounted 5 s after a mark): recounted now, timed apart.
  const { refreshStaleDigests } = built("modules/order-rhythm/store/flow-digests.js")
  const settleStarted = performance.now()
  while ((await rhythm.inTransaction((trx: any) => refreshStaleDigests(trx, rhythm.options.slaHours))) > 0);
  const settleSeconds = (performance.now() - settleStarted) / 1000
  const [{ lines }] = (await knex.raw("select count(*)::int as lines from order_rhythm_order_line_fact where deleted_at is null")).rows
  const out = { orders: result.processed, lines, seconds: +seconds.toFixed(2), orders_per_s: Math.round(result.processed / seconds), lines_per_s: Math.round(lines / seconds), settle_s: +settleSeconds.toFixed(2) }
  console.log(`BACKFILL ${JSON.stringify(out)}`)
}

async function breakdown(container: any, knex: any, batchSize: number) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { loadOrderRecords } = built("workflows/steps/load-orders.js")
  const { deriveOrderFacts, isDraft } = built("lib/facts/index.js")
  const rhythm = container.resolve("orderRhythm")
  const { rows } = await knex.raw(`select id from "order" order by updated_at, id limit ?`, [batchSize * 3])
  const ids: string[] = rows.map((r: any) => r.id)
  for (let start = 0; start < ids.length; start += batchSize) {
    const batch = ids.slice(start, start + batchSize)
    const t: Record<string, number> = {}
    const cpu: Record<string, number> = {}
    let at = performance.now()
    let cpuAt = process.cpuUsage()
    const lap = (name: string) => {
      const n = performance.now()
      const c = process.cpuUsage(cpuAt)
      t[name] = +(n - at).toFixed(0)
      cpu[name] = Math.round((c.user + c.system) / 1000)
      at = n
      cpuAt = process.cpuUsage()
    }
    const orders = await loadOrderRecords(query, batch)
    lap("query_order")
    await query.graph({
      entity: "order_change",
      fields: ["id", "order_id", "change_type", "status", "created_at", "confirmed_at", "canceled_at"],
      filters: { order_id: batch, status: "confirmed" },
    })
    lap("query_changes")
    const lineIds = (orders as any[]).flatMap((o) => (o.items ?? []).map((i: any) => i.id))
    await query.graph({ entity: "reservation", fields: ["line_item_id", "location_id"], filters: { line_item_id: lineIds } })
    lap("query_reservations")
    for (const o of orders as any[]) o.reservation_locations ??= {}
    const facts = (orders as any[]).filter((o) => !isDraft(o)).map(deriveOrderFacts)
    lap("derive")
    if (process.env.BACKFILL_BREAKDOWN === "2") {
      const { storedVariantDayKeys, writeOrderFacts } = built("modules/order-rhythm/store/write-facts.js")
      const { recountHourBuckets } = built("modules/order-rhythm/store/hour-buckets.js")
      const { recountVariantDays, variantDayKeysOf } = built("modules/order-rhythm/store/variant-days.js")
      const tz = rhythm.options?.timezone ?? "UTC"
      await knex.transaction(async (trx: any) => {
        const stale = await storedVariantDayKeys(trx, facts.map((f: any) => f.order.order_id), tz)
        lap("stored_days")
        const touched = await writeOrderFacts(trx, facts)
        lap("write_facts")
        await recountHourBuckets(trx, touched, tz)
        lap("recount_hours")
        await recountVariantDays(trx, [...stale, ...facts.flatMap((f: any) => variantDayKeysOf(f, tz))], tz)
        lap("recount_days")
      })
    } else {
      await rhythm.ingestion.ingestFacts(facts)
      lap("ingest_facts")
    }
    console.log(`BREAKDOWN ${batch.length} orders ${lineIds.length} lines wall ${JSON.stringify(t)} cpu ${JSON.stringify(cpu)}`)
  }
}
