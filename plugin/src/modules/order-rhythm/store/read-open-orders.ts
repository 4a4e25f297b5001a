import {
  DEFAULT_AGE_EDGES_HOURS,
  OLDEST_OPEN_LATE,
  slaStagesShown,
  type LateOrder,
  type OpenLate,
  type OpenOrders,
  type SlaStage,
} from "../../../lib/rhythm"
import { Knex } from "./knex"
import { openFacts, type RhythmReadFilter } from "./read-rhythm"

/**
 * When an order reached each SLA stage, as the engine's flowTimes has it (stages.ts): a later
 * stage proves an earlier one (delivered proves shipped), and the engine's shipped stage is the
 * full shipment. Whole epoch milliseconds, as the engine reads instants; date_part, not extract,
 * because extract's numeric arithmetic per row cost three times the scan.
 */
const MS = (instant: string) => `floor(date_part('epoch', ${instant}) * 1000)`
const REACHED_MS: Record<SlaStage, string> = {
  captured: MS("captured_at"),
  fulfilled: MS("fully_fulfilled_at"),
  shipped: MS("least(fully_shipped_at, fully_delivered_at)"),
  delivered: MS("fully_delivered_at"),
}

const HOUR_MS = 3_600_000

type Filter = Pick<RhythmReadFilter, "channels" | "locationId" | "finalStage"> & { nowUtc: string }

/**
 * The backlog and each SLA stage's open-and-late orders, summed by PostgreSQL over the orders
 * open at `now` (see lib/rhythm OpenOrders): a row per age bucket and at most ten orders a stage
 * come back, however many orders are open. The same rules as the engine's backlogAt and
 * slaBreaches: open = placed by now, not canceled, final stage not reached by now; ages in hours
 * from placement; buckets from DEFAULT_AGE_EDGES_HOURS; p50 / p90 by linear interpolation
 * (percentile_cont, the engine's type 7); late = stage not reached, older than its target,
 * oldest first (ties by order id).
 */
export async function readOpenOrders(knex: Knex, filter: Filter, options: { slaHours: Partial<Record<SlaStage, number>> }): Promise<OpenOrders> {
  const nowMs = Date.parse(filter.nowUtc)
  const stages = slaStagesShown(filter.finalStage, options.slaHours)
  // Per stage: not at it by now and placed before now minus its target (older than the target).
  const late = stages.map((stage) => ({
    stage,
    sql: `coalesce(${REACHED_MS[stage]} > ${nowMs}, true) and placed_at < ?`,
    bindings: [new Date(nowMs - Number(options.slaHours[stage]) * HOUR_MS).toISOString()],
  }))
  const [figures, ...oldest] = await Promise.all([
    readFigures(knex, filter, nowMs, late),
    ...late.map(({ sql, bindings }) =>
      openAt(knex, filter, nowMs)
        .whereRaw(sql, bindings)
        .select("order_id", "sales_channel_id", knex.raw(`${MS("placed_at")}::float8 as placed_ms`))
        // Oldest first: the partial index of the final stage is in this order already.
        .orderBy("placed_at", "asc")
        .orderByRaw(`order_id collate "C"`)
        .limit(OLDEST_OPEN_LATE)
    ),
  ])
  return {
    backlog: figures.backlog,
    late: Object.fromEntries(
      stages.map((stage, i): [SlaStage, OpenLate] => [
        stage,
        { openLate: figures.late[stage] ?? 0, oldestOpenLate: oldest[i].map((row: any) => lateOrderOfRow(row, nowMs, Number(options.slaHours[stage]))) },
      ])
    ),
  }
}

/** The orders open at now: placed by then, and not at the final stage through a later one either (the index cannot see that). */
function openAt(knex: Knex, filter: Filter, nowMs: number) {
  return openFacts(knex, filter)
    .where("placed_at", "<=", filter.nowUtc)
    .whereRaw(`coalesce(${REACHED_MS[filter.finalStage]} > ?, true)`, [nowMs])
}

/**
 * The backlog's figures and each stage's count of late orders, in one pass over the open orders:
 * grouped by age bucket, with the rollup row for the whole (one sort for both percentiles; a
 * filtered count per bucket cost twice as much).
 */
async function readFigures(
  knex: Knex,
  filter: Filter,
  nowMs: number,
  late: Array<{ stage: SlaStage; sql: string; bindings: unknown[] }>
): Promise<{ backlog: OpenOrders["backlog"]; late: Partial<Record<SlaStage, number>> }> {
  const edges = [...DEFAULT_AGE_EDGES_HOURS].sort((a, b) => a - b)
  const open = openAt(knex, filter, nowMs).select(
    "units",
    knex.raw(`(?::float8 - ${MS("placed_at")}) / 3600000.0 as age`, [nowMs]),
    ...late.map(({ stage, sql, bindings }) => knex.raw(`(${sql}) as late_${stage}`, bindings))
  )
  // Written into the statement (numbers only): GROUPING must see the very expression grouped by.
  const bucketOf = `width_bucket(age, array[${edges.map(Number).join(", ")}]::float8[])`
  const rows: any[] = await knex
    .with("open", open)
    .from("open")
    .select(
      // 1 for the first edge's bucket ... edges.length for the last; 0 below the first edge (in no bucket).
      knex.raw(`${bucketOf} as bucket`),
      knex.raw(`grouping(${bucketOf}) = 1 as whole`),
      knex.raw("count(*)::int as orders"),
      knex.raw("coalesce(sum(units), 0)::int as units"),
      knex.raw("percentile_cont(array[0.5, 0.9]) within group (order by age) as percentiles"),
      knex.raw("max(age) as max"),
      ...late.map(({ stage }) => knex.raw(`(count(*) filter (where late_${stage}))::int as late_${stage}`))
    )
    .groupByRaw(`rollup (${bucketOf})`)
  const whole = rows.find((row) => row.whole) ?? { orders: 0, units: 0, percentiles: null, max: null }
  const bucket = (i: number) => rows.find((row) => !row.whole && row.bucket === i + 1)
  return {
    backlog: {
      orders: whole.orders,
      units: whole.units,
      ageHours: { p50: whole.percentiles?.[0] ?? null, p90: whole.percentiles?.[1] ?? null, max: whole.max },
      ageBuckets: edges.map((from, i) => ({
        fromHours: from,
        toHours: i + 1 < edges.length ? edges[i + 1] : null,
        orders: bucket(i)?.orders ?? 0,
        units: bucket(i)?.units ?? 0,
      })),
    },
    late: Object.fromEntries(late.map(({ stage }) => [stage, whole[`late_${stage}`] ?? 0])),
  }
}

function lateOrderOfRow(row: { order_id: string; sales_channel_id: string | null; placed_ms: number }, nowMs: number, targetHours: number): LateOrder {
  const ageHours = (nowMs - row.placed_ms) / HOUR_MS
  return {
    orderId: row.order_id,
    channelId: row.sales_channel_id ?? "",
    placedAt: new Date(row.placed_ms).toISOString(),
    ageHours,
    overHours: ageHours - targetHours,
  }
}
