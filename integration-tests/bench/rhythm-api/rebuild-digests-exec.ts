/**
 * A `medusa exec` script: the cycle-time digests rebuilt from scratch over whatever facts the
 * database holds, as a store upgraded into the digests (or given new SLA targets) does on start.
 * Prints one JSON line prefixed `REBUILD ` (orders, digest rows, seconds).
 */
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

export default async function rebuild({ container }: ExecArgs) {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
  await knex("order_rhythm_state").where({ key: "flow_digests" }).delete()
  await knex.raw("truncate order_rhythm_flow_digest, order_rhythm_stale_digest")
  const started = performance.now()
  await (container.resolve("orderRhythm") as any).ingestion.ensureFlowDigests()
  const seconds = (performance.now() - started) / 1000
  const [row] = (
    await knex.raw(
      "select (select count(*)::int from order_rhythm_order_fact) as orders, (select count(*)::int from order_rhythm_flow_digest) as digests"
    )
  ).rows
  console.log(`REBUILD ${JSON.stringify({ ...row, seconds: +seconds.toFixed(1), orders_per_s: Math.round(row.orders / seconds) })}`)
}
