import { rowId } from "./row-id"
import type { OrderFacts } from "../../../lib/facts"
import { Knex, rawNumber } from "./knex"
import { BucketKey, bucketKeysOf, hourStart } from "./hour-buckets"

/**
 * Writes orders' facts as the difference to what is stored: rows are upserted by Medusa's
 * ids and rows that vanished (an edit removed a line, a fulfilment was canceled) are
 * deleted, so replaying the same order any number of times leaves one state. Returns
 * the hour buckets whose counts may have changed: those of the old facts and the new.
 */
export async function writeOrderFacts(knex: Knex, facts: OrderFacts[]): Promise<BucketKey[]> {
  if (!facts.length) {
    return []
  }
  const orderIds = facts.map(({ order }) => order.order_id)
  const touched = await storedBucketKeys(knex, orderIds)
  const now = new Date()

  const orderRows = facts.map(({ order }) => ({
    id: rowId("orfact"),
    ...order,
    raw_revenue: rawNumber(order.revenue),
    created_at: now,
    updated_at: now,
  }))
  await upsert(knex, "order_rhythm_order_fact", "order_id", orderRows)

  const lineRows = facts.flatMap(({ order, lines }) =>
    lines.map((line) => ({
      id: rowId("orline"),
      ...line,
      placed_at: order.placed_at,
      raw_unit_price: rawNumber(line.unit_price),
      raw_net_amount: rawNumber(line.net_amount),
      inventory_items: line.inventory_items ? JSON.stringify(line.inventory_items) : null,
      created_at: now,
      updated_at: now,
    }))
  )
  await removeVanished(knex, "order_rhythm_order_line_fact", "line_id", orderIds, lineRows.map((row) => row.line_id))
  await upsert(knex, "order_rhythm_order_line_fact", "line_id", lineRows)

  const stageRows = facts.flatMap(({ stages }) =>
    stages.map((stage) => ({
      id: rowId("orstage"),
      ...stage,
      raw_amount: rawNumber(stage.amount),
      created_at: now,
      updated_at: now,
    }))
  )
  await removeVanished(knex, "order_rhythm_stage_fact", "key", orderIds, stageRows.map((row) => row.key))
  await upsert(knex, "order_rhythm_stage_fact", "key", stageRows)

  await rememberVariantItems(knex, facts)
  return [...touched, ...facts.flatMap(bucketKeysOf)]
}

/** Which inventory items each sold variant draws on, as the orders show it. */
async function rememberVariantItems(knex: Knex, facts: OrderFacts[]) {
  const pairs = new Map<string, { variant_id: string; inventory_item_id: string; required_quantity: number }>()
  for (const { lines } of facts) {
    for (const line of lines) {
      for (const item of line.inventory_items ?? []) {
        if (line.variant_id) {
          pairs.set(`${line.variant_id}|${item.inventory_item_id}`, { variant_id: line.variant_id, ...item })
        }
      }
    }
  }
  await upsertVariantItems(knex, [...pairs.values()])
}

export async function upsertVariantItems(
  knex: Knex,
  rows: Array<{ variant_id: string; inventory_item_id: string; required_quantity: number }>
) {
  if (!rows.length) return
  await knex("order_rhythm_variant_item")
    .insert(rows.map((row) => ({ id: rowId("orvit"), ...row })))
    .onConflict(knex.raw("(variant_id, inventory_item_id) where deleted_at is null"))
    .merge(["required_quantity", "updated_at"])
}

/** The variant-day rows the stored lines and returns of these orders count in (before replacing them). */
export async function storedVariantDayKeys(knex: Knex, orderIds: string[], timezone: string) {
  const { rows } = await knex.raw(
    `select distinct to_char(o.placed_at at time zone ?, 'YYYY-MM-DD') as local_date, l.variant_id, coalesce(l.stock_location_id, '') as location_id
       from order_rhythm_order_line_fact l join order_rhythm_order_fact o on o.order_id = l.order_id
      where l.order_id = any(?) and l.variant_id is not null and l.deleted_at is null and o.deleted_at is null
     union
     select distinct to_char(s.occurred_at at time zone ?, 'YYYY-MM-DD'), s.variant_id, coalesce(s.stock_location_id, '')
       from order_rhythm_stage_fact s
      where s.order_id = any(?) and s.stage = 'returned' and s.variant_id is not null and s.deleted_at is null`,
    [timezone, orderIds, timezone, orderIds]
  )
  return rows as Array<{ local_date: string; variant_id: string; location_id: string }>
}

async function upsert(knex: Knex, table: string, key: string, rows: Record<string, unknown>[]) {
  if (!rows.length) {
    return
  }
  const columns = Object.keys(rows[0]).filter((column) => column !== "id" && column !== "created_at")
  // Postgres refuses one INSERT with more than 65535 parameters; stay well under it.
  const perChunk = Math.max(1, Math.floor(20_000 / Object.keys(rows[0]).length))
  for (let start = 0; start < rows.length; start += perChunk) {
    await knex(table)
      .insert(rows.slice(start, start + perChunk))
      .onConflict(knex.raw(`(${key}) where deleted_at is null`))
      .merge(columns)
  }
}

async function removeVanished(knex: Knex, table: string, key: string, orderIds: string[], kept: string[]) {
  // Facts are deleted for good, never soft-deleted: "deleted_at is null" changes no result,
  // but Medusa's indexes are partial on it, and without it every lookup here is a full scan.
  const query = knex(table).whereIn("order_id", orderIds).whereNull("deleted_at")
  if (kept.length) {
    query.whereNotIn(key, kept)
  }
  await query.delete()
}

/** The buckets the stored facts of these orders count in, before they are replaced. */
async function storedBucketKeys(knex: Knex, orderIds: string[]): Promise<BucketKey[]> {
  const rows: Array<{ at: Date; sales_channel_id: string | null; currency_code: string }> = await knex
    .select(knex.raw("placed_at as at"), "sales_channel_id", "currency_code")
    .from("order_rhythm_order_fact")
    .whereIn("order_id", orderIds)
    .whereNull("deleted_at")
    .unionAll(function (this: Knex) {
      this.select(knex.raw("occurred_at as at"), "sales_channel_id", "currency_code")
        .from("order_rhythm_stage_fact")
        .whereIn("order_id", orderIds)
        .whereNull("deleted_at")
    })
  return rows.map((row) => ({
    hourStart: hourStart(new Date(row.at)),
    channel: row.sales_channel_id ?? "",
    currency: row.currency_code,
  }))
}
