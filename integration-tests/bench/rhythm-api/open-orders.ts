/**
 * What the backlog and open-and-late figures cost per request as the open orders grow (a store
 * that never records fulfilment in Medusa keeps every order open): the open orders summed by
 * PostgreSQL (store/read-open-orders, what the plugin reads) against the same figures from every
 * open order's flow through the engine (what it read before), each the median of 15 runs.
 *
 * Usage: tsx bench/rhythm-api/open-orders.ts [database] [counts]
 *   database: any migrated database of the app (default order_rhythm_ingest_bench); nothing in it
 *   changes: the synthetic open orders are written inside a transaction that is rolled back.
 *   counts: open orders to try (default 1000,10000,100000).
 */
import path from "node:path"
import { performance } from "node:perf_hooks"
import { percentile } from "../lib/figures"
import { builtPlugin as built } from "../lib/built-plugin"

const openOrders = built("modules/order-rhythm/store/read-open-orders.js")
const read = built("modules/order-rhythm/store/read-rhythm.js")
const engine = built("lib/rhythm/index.js")

const SLA = { captured: 2, fulfilled: 24, shipped: 36 }
const HOUR = 3_600_000
const RUNS = 15

async function main() {
  const db = process.argv[2] || "order_rhythm_ingest_bench"
  const counts = (process.argv[3] || "1000,10000,100000").split(",").map(Number)
  const knexLib = require(require.resolve("knex", { paths: [path.dirname(require.resolve("@medusajs/framework/utils"))] }))
  const knex = knexLib({ client: "pg", connection: { host: "localhost", user: "postgres", database: db }, pool: { min: 1, max: 1 } })
  const nowMs = Date.now()
  const nowUtc = new Date(nowMs).toISOString()
  const filter = { finalStage: "shipped" as const, nowUtc, fromUtc: nowUtc, toUtc: nowUtc }
  console.log(`bench open-orders on ${db}: median of ${RUNS} runs; final stage shipped, SLA ${JSON.stringify(SLA)}`)
  try {
    for (const count of counts) {
      await knex
        .transaction(async (trx: any) => {
          const before = Number((await trx.raw("select count(*)::int as n from order_rhythm_order_fact where canceled_at is null and fully_shipped_at is null")).rows[0].n)
          // Placed over the past year, some captured, some fulfilled, none shipped: all open.
          await trx.raw(
            `insert into order_rhythm_order_fact (id, order_id, sales_channel_id, currency_code, placed_at, units, captured_at, fully_fulfilled_at, source_updated_at)
             select 'orfact_benchopen_' || i, 'order_benchopen_' || i, 'sc_bench', 'eur', p, 1 + i % 3,
                    case when i % 4 > 0 then p + interval '1 hour' end, case when i % 3 = 0 then p + interval '20 hours' end, p
               from (select i, to_timestamp(?::float8 / 1000 - ((i::bigint * 9973) % 31536000)::float8) as p from generate_series(1, ?) as i) s`,
            [nowMs - HOUR, count]
          )
          await trx.raw("analyze order_rhythm_order_fact")
          const summed: number[] = []
          const flows: number[] = []
          let same = true
          for (let run = 0; run < RUNS; run++) {
            let t = performance.now()
            const sql = await openOrders.readOpenOrders(trx, filter, { slaHours: SLA })
            summed.push(performance.now() - t)
            t = performance.now()
            const rows = await read.readOrderFlows(trx, filter)
            const backlog = engine.backlogAt(rows, nowUtc, "shipped")
            const sla = engine.slaBreaches(rows, { fromUtc: nowUtc, toUtc: nowUtc }, nowUtc, { finalStage: "shipped", slaHours: SLA })
            flows.push(performance.now() - t)
            same &&= sql.backlog.orders === backlog.orders && sla.every((stage: any) => sql.late[stage.stage]?.openLate === stage.openLate)
          }
          const med = (xs: number[]) => percentile(xs, 50)
          console.log(
            `${String(before + count).padStart(7)} open orders: summed by PostgreSQL ${med(summed).toFixed(1)} ms; ` +
              `every open order's flow through the engine ${med(flows).toFixed(1)} ms (x${(med(flows) / med(summed)).toFixed(1)}); ` +
              `same backlog and open-late counts: ${same ? "yes" : "NO"}`
          )
          throw new Error("rollback")
        })
        .catch((error: Error) => {
          if (error.message !== "rollback") throw error
        })
    }
  } finally {
    await knex.destroy()
  }
}

main().catch((error) => {
  console.error(error?.stack ?? error)
  process.exit(1)
})
