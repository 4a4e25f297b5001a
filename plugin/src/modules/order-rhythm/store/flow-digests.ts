import { rowId } from "./row-id"
import {
  BLOCK_HOURS,
  blocksHolding,
  childBlocks,
  coverWindow,
  digestFlows,
  DIGEST_RELATIVE_ERROR,
  emptyDigest,
  mergeDigests,
  type Block,
  type FlowDigest,
  type OrderFlow,
  type SlaStage,
} from "../../../lib/rhythm"
import { Knex } from "./knex"
import { flowOfRow, FLOW_COLUMNS } from "./read-rhythm"

const HOUR_MS = 3_600_000
const ALL = "*"

/** What stored digests depend on besides the facts: rebuilt when it changes. */
export type DigestConfig = { slaHours: Partial<Record<SlaStage, number>>; relativeError: number }

export function digestConfig(slaHours: Partial<Record<SlaStage, number>>): DigestConfig {
  return { slaHours, relativeError: DIGEST_RELATIVE_ERROR }
}

/** The UTC hours the stored facts of these orders were placed in (before they are replaced). */
export async function storedPlacementHours(knex: Knex, orderIds: string[]): Promise<number[]> {
  if (!orderIds.length) return []
  const rows = await knex("order_rhythm_order_fact")
    .select(knex.raw("(extract(epoch from date_trunc('hour', placed_at)) * 1000)::float8 as hour"))
    .whereIn("order_id", orderIds)
    .whereNull("deleted_at")
  return rows.map((row: { hour: number }) => row.hour)
}

export function placementHour(placedAt: Date | string): number {
  return Math.floor(new Date(placedAt).getTime() / HOUR_MS) * HOUR_MS
}

const LOCK = "select pg_advisory_xact_lock(hashtext('order_rhythm_flow_digest'))"

/**
 * Marks these placement hours, and every block above them, stale: what an ingest does, in its
 * own transaction, so the facts and the marks commit together and the ingest pays for a few
 * rows only. refreshStaleDigests recounts them shortly after; reads meanwhile take a stale hour
 * raw. The lock orders marks against a refresh: a mark made while one runs waits for it, so the
 * refresh cannot delete a mark it did not count.
 */
export async function markHoursStale(knex: Knex, hours: number[]): Promise<number> {
  const touched = [...new Set(hours)]
  if (!touched.length) return 0
  await knex.raw(LOCK)
  const blocks = distinctBlocks(touched.flatMap(blocksHolding))
  await knex.raw(
    `insert into order_rhythm_stale_digest (id, block_hours, block_start)
     select 'orstale_' || md5(h::text || s::text), h, s from unnest(?::int[], ?::timestamptz[]) as t(h, s)
     on conflict (block_hours, block_start) where deleted_at is null do nothing`,
    [blocks.map((block) => block.hours), blocks.map((block) => new Date(block.startMs))]
  )
  return touched.length
}

/**
 * The hour digests of these placement hours from the order facts. Counting again, like the hour
 * buckets, makes duplicates and reordered events harmless. Callers hold the lock.
 */
async function recountHours(knex: Knex, touched: number[], slaHours: Partial<Record<SlaStage, number>>, nowMs: number): Promise<number> {
  if (!touched.length) return 0
  // One index range per run of consecutive hours: a lateral scan per hour made the planner
  // switch to a scan of the whole table for a week of hours (12 s on a million lines).
  const runs: Array<{ fromMs: number; toMs: number }> = []
  for (const hour of touched) {
    const last = runs[runs.length - 1]
    if (last && last.toMs === hour) last.toMs = hour + HOUR_MS
    else runs.push({ fromMs: hour, toMs: hour + HOUR_MS })
  }
  const rows = await knex("order_rhythm_order_fact")
    .select(knex.raw(`${FLOW_COLUMNS}, coalesce(stock_location_id, '') as location_id`))
    .whereNull("deleted_at")
    .where((any: Knex) => {
      for (const run of runs) any.orWhere((one: Knex) => one.where("placed_at", ">=", new Date(run.fromMs)).where("placed_at", "<", new Date(run.toMs)))
    })
  const byHour = new Map<number, Array<{ flow: OrderFlow; location: string }>>(touched.map((hour) => [hour, []]))
  for (const row of rows) byHour.get(Math.floor(row.placed_at / HOUR_MS) * HOUR_MS)?.push({ flow: flowOfRow(row), location: row.location_id })
  const hourRows = [...byHour].flatMap(([hour, orders]) => digestRows({ hours: 1, startMs: hour }, combos(orders, (orders) => digestFlows(orders, nowMs, slaHours))))
  await replaceBlocks(knex, touched.map((startMs) => ({ hours: 1, startMs })), hourRows)
  return hourRows.length
}

/**
 * Recounts the stale hours from the facts, then adds up the stale blocks above them from the
 * level below, smallest first, so each level reads children that are already up to date.
 * Returns how many blocks it recounted.
 */
export async function refreshStaleDigests(knex: Knex, slaHours: Partial<Record<SlaStage, number>>, nowMs = Date.now()): Promise<number> {
  await knex.raw(LOCK)
  const stale: Block[] = (await knex("order_rhythm_stale_digest").select("block_hours", "block_start").whereNull("deleted_at")).map((row: any) => ({
    hours: row.block_hours,
    startMs: new Date(row.block_start).getTime(),
  }))
  await recountHours(knex, stale.filter((block) => block.hours === 1).map((block) => block.startMs).sort((a, b) => a - b), slaHours, nowMs)
  for (const hours of BLOCK_HOURS.slice(1)) {
    const parents = stale.filter((block) => block.hours === hours)
    if (!parents.length) continue
    const children = parents.flatMap(childBlocks)
    const stored = await knex("order_rhythm_flow_digest")
      .select("block_start", "sales_channel_id", "stock_location_id", "digest")
      .where("block_hours", children[0].hours)
      .whereIn("block_start", children.map((child) => new Date(child.startMs)))
      .whereNull("deleted_at")
    // Each child row to its parent's digests by channel x location, in one pass (a backfill
    // recounts thousands of blocks at once: a scan of all children per parent was quadratic).
    const parentOf = new Map(parents.flatMap((parent) => childBlocks(parent).map((child) => [child.startMs, parent.startMs] as const)))
    const byParent = new Map<number, Map<string, FlowDigest[]>>()
    for (const row of stored) {
      const parentStart = parentOf.get(new Date(row.block_start).getTime())
      if (parentStart === undefined) continue
      const byKey = byParent.get(parentStart) ?? new Map<string, FlowDigest[]>()
      byParent.set(parentStart, byKey)
      const key = `${row.sales_channel_id}\u0000${row.stock_location_id}`
      byKey.set(key, [...(byKey.get(key) ?? []), row.digest as FlowDigest])
    }
    const parentRows = parents.flatMap((parent) =>
      digestRows(parent, new Map([...(byParent.get(parent.startMs) ?? [])].map(([key, digests]) => [key, mergeDigests(digests)])))
    )
    await replaceBlocks(knex, parents, parentRows)
  }
  if (stale.length) {
    await knex("order_rhythm_stale_digest").whereNull("deleted_at").whereIn(["block_hours", "block_start"], stale.map((b) => [b.hours, new Date(b.startMs)])).delete()
  }
  return stale.length
}

/** Every channel x location pair of these orders, plus "*" for all channels and for all locations. */
function combos<T extends { flow: OrderFlow; location: string }>(orders: T[], digest: (flows: OrderFlow[]) => FlowDigest): Map<string, FlowDigest> {
  const groups = new Map<string, OrderFlow[]>()
  for (const { flow, location } of orders) {
    for (const channel of [flow.channelId, ALL]) {
      for (const loc of [location, ALL]) {
        const key = `${channel}\u0000${loc}`
        const group = groups.get(key)
        if (group) group.push(flow)
        else groups.set(key, [flow])
      }
    }
  }
  return new Map([...groups].map(([key, flows]) => [key, digest(flows)]))
}

function digestRows(block: Block, digests: Map<string, FlowDigest>) {
  return [...digests].map(([key, digest]) => {
    const [sales_channel_id, stock_location_id] = key.split("\u0000")
    return {
      id: rowId("ordig"),
      block_hours: block.hours,
      block_start: new Date(block.startMs),
      sales_channel_id,
      stock_location_id,
      orders: digest.orders,
      digest: JSON.stringify(digest),
    }
  })
}

async function replaceBlocks(knex: Knex, blocks: Block[], rows: Array<Record<string, unknown>>) {
  for (const hours of new Set(blocks.map((block) => block.hours))) {
    // Digests are deleted for good; "deleted_at is null" only lets the partial unique index serve.
    await knex("order_rhythm_flow_digest")
      .where("block_hours", hours)
      .whereIn("block_start", blocks.filter((block) => block.hours === hours).map((block) => new Date(block.startMs)))
      .whereNull("deleted_at")
      .delete()
  }
  for (let start = 0; start < rows.length; start += 1000) await knex("order_rhythm_flow_digest").insert(rows.slice(start, start + 1000))
}

function distinctBlocks(blocks: Block[]): Block[] {
  return [...new Map(blocks.map((block) => [`${block.hours}|${block.startMs}`, block])).values()]
}

/**
 * The cohort of orders placed in [fromMs, toMs) for these channels (undefined: all) and this
 * location (undefined: all), from the stored blocks that cover its whole hours plus the raw
 * orders of the partial hours at its ends and of the hours not recounted yet, digested at `nowMs`
 * with the same targets.
 */
export async function readCohortDigest(
  knex: Knex,
  filter: { fromMs: number; toMs: number; nowMs: number; channels?: string[]; locationId?: string; slaHours: Partial<Record<SlaStage, number>> }
): Promise<FlowDigest> {
  if (filter.channels && !filter.channels.length) return emptyDigest()
  const cover = coverWindow(filter.fromMs, filter.toMs)
  const edges = [...cover.edges]
  // A block not added up since its hours changed is read as its children, a stale hour raw.
  const stale = new Set(
    (await knex("order_rhythm_stale_digest").select("block_hours", "block_start").whereNull("deleted_at")).map(
      (row: any) => `${row.block_hours}|${new Date(row.block_start).getTime()}`
    )
  )
  const fresh = (block: Block): Block[] => (stale.has(`${block.hours}|${block.startMs}`) ? childBlocks(block).flatMap(fresh) : [block])
  const expanded = cover.blocks.flatMap(fresh)
  const blocks = expanded.filter((block) => !(block.hours === 1 && stale.has(`1|${block.startMs}`)))
  for (const hour of expanded.filter((block) => block.hours === 1 && stale.has(`1|${block.startMs}`))) {
    edges.push({ fromMs: hour.startMs, toMs: hour.startMs + HOUR_MS })
  }
  const stored = blocks.length
    ? knex("order_rhythm_flow_digest")
        .select("digest")
        .whereIn("sales_channel_id", filter.channels ?? [ALL])
        .where("stock_location_id", filter.locationId ?? ALL)
        .whereIn(["block_hours", "block_start"], blocks.map((block) => [block.hours, new Date(block.startMs)]))
        .whereNull("deleted_at")
    : Promise.resolve([])
  const raw = edges.length ? readPlacedFlows(knex, edges, filter.channels, filter.locationId) : Promise.resolve([])
  const [rows, flows] = await Promise.all([stored, raw])
  return mergeDigests([...rows.map((row: { digest: FlowDigest }) => row.digest), digestFlows(flows, filter.nowMs, filter.slaHours)])
}

/** Orders placed in these ranges, filtered like the rhythm's other reads. */
async function readPlacedFlows(knex: Knex, ranges: Array<{ fromMs: number; toMs: number }>, channels?: string[], locationId?: string): Promise<OrderFlow[]> {
  const query = knex("order_rhythm_order_fact")
    .select(knex.raw(FLOW_COLUMNS))
    .whereNull("deleted_at")
    .where((any: Knex) => {
      for (const range of ranges) any.orWhere((one: Knex) => one.where("placed_at", ">=", new Date(range.fromMs)).where("placed_at", "<", new Date(range.toMs)))
    })
  if (channels) {
    query.where((where: Knex) => {
      where.whereIn("sales_channel_id", channels)
      if (channels.includes("")) where.orWhereNull("sales_channel_id")
    })
  }
  if (locationId) query.where("stock_location_id", locationId)
  return (await query).map(flowOfRow)
}

/** The placement hours in [fromMs, toMs) that hold orders: the rebuild's pages. */
export async function placementHoursBetween(knex: Knex, fromMs: number, toMs: number): Promise<number[]> {
  const { rows } = await knex.raw(
    `select distinct (extract(epoch from date_trunc('hour', placed_at)) * 1000)::float8 as hour
       from order_rhythm_order_fact
      where placed_at >= to_timestamp(?::float8 / 1000) and placed_at < to_timestamp(?::float8 / 1000) and deleted_at is null`,
    [fromMs, toMs]
  )
  return rows.map((row: { hour: number }) => row.hour)
}

/** The first and last placement instants the facts hold, or null for none. */
export async function placementSpan(knex: Knex): Promise<{ fromMs: number; toMs: number } | null> {
  const [row] = await knex("order_rhythm_order_fact")
    .select(knex.raw("(extract(epoch from min(placed_at)) * 1000)::float8 as first, (extract(epoch from max(placed_at)) * 1000)::float8 as last"))
    .whereNull("deleted_at")
  return row?.first == null ? null : { fromMs: row.first, toMs: row.last + 1 }
}
