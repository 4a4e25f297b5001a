import { Knex } from "./knex"

/**
 * Takes a transaction-level advisory lock per order, released at commit or rollback.
 *
 * Why: an ingest loads an order from Medusa, then writes its facts. Two ingests of one
 * order (two processes, the live batcher and the reconciliation job, two overlapping
 * batches) could load A-then-B but write B-then-A, leaving the older load stored. With the
 * load done after this lock, whoever holds it loads what Medusa has committed by then and
 * writes before the next holder loads: writes follow loads, and the last write is of the
 * latest state. Re-checking a version instead would not do: Medusa does not bump the
 * order's `updated_at` for every record the facts read (captures, fulfilments, returns).
 *
 * The keys are taken in one statement in ascending order, so two batches sharing orders
 * queue instead of deadlocking. A 64-bit hash collision only makes two orders queue.
 */
export async function lockOrders(knex: Knex, orderIds: string[]): Promise<void> {
  const ids = [...new Set(orderIds)]
  if (!ids.length) return
  await knex.raw(
    `select pg_advisory_xact_lock(key) from (
       select distinct hashtextextended('order-rhythm:order:' || id, 0) as key from unnest(?::text[]) as id order by key
     ) as keys`,
    [ids]
  )
}
