import {
  DEFAULT_AGE_EDGES_HOURS,
  OLDEST_OPEN_LATE,
  type FinalStage,
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
 * full shipment. Whole epoch milliseconds, as the engine reads instants.
 */
const REACHED_MS: Record<SlaStage, string> = {
  captured: "floor(extract(epoch from captured_at) * 1000)",
  fulfilled: "floor(extract(epoch from fully_fulfilled_at) * 1000)",
  shipped: "floor(extract(epoch from least(fully_shipped_at, fully_delivered_at)) * 1000)",
  delivered: "floor(extract(epoch from fully_delivered_at) * 1000)",
}

const SLA_STAGES: readonly SlaStage[] = ["captured", "fulfilled", "shipped", "delivered"]
const FLOW_ORDER: readonly FinalStage[] = ["fulfilled", "shipped", "delivered"]

/**
 * The backlog and each SLA stage's open-and-late orders, summed by PostgreSQL over the orders
 * open at `now` (see lib/rhythm OpenOrders): two rows of figures and at most ten orders a stage
 * come back, however many orders are open. The same rules as the engine's backlogAt and
 * slaBreaches: open = placed by now, not canceled, final stage not reached by now; ages in hours
 * from placement; buckets from DEFAULT_AGE_EDGES_HOURS; p50 / p90 by linear interpolation
 * (percentile_cont, the engine's type 7); late = stage not reached, older than its target,
 * oldest first (ties by order id).
 */
export async function readOpenOrders(
  knex: Knex,
  filter: Pick<RhythmReadFilter, "channels" | "locationId" | "finalStage"> & { nowUtc: string },
  options: { slaHours: Partial<Record<SlaStage, number>> }
): Promise<OpenOrders> {
  const nowMs = Date.parse(filter.nowUtc)
  const open = openFacts(knex, filter)
    .where("placed_at", "<=", filter.nowUtc)
    // Not at the final stage by now, through a later stage either (the partial index cannot see that).
    .whereRaw(`coalesce(${REACHED_MS[filter.finalStage]} > ?, true)`, [nowMs])
    .select(
      "order_id",
      "sales_channel_id",
      "units",
      knex.raw("floor(extract(epoch from placed_at) * 1000)::float8 as placed_ms"),
      knex.raw(`(?::float8 - floor(extract(epoch from placed_at) * 1000)) / 3600000.0 as age`, [nowMs]),
      ...SLA_STAGES.map((stage) => knex.raw(`${REACHED_MS[stage]}::float8 as ${stage}_ms`))
    )
  const lastStage = FLOW_ORDER.indexOf(filter.finalStage)
  const stages = SLA_STAGES.filter((stage) => options.slaHours[stage] !== undefined && FLOW_ORDER.indexOf(stage as FinalStage) <= lastStage)
  const [backlog, late] = await Promise.all([readBacklog(knex, open), stages.length ? readLate(knex, open, stages, options.slaHours, nowMs) : []])
  return {
    backlog,
    late: Object.fromEntries(
      stages.map((stage): [SlaStage, OpenLate] => {
        const rows = late.filter((row) => row.stage === stage)
        return [stage, { openLate: rows[0]?.n ?? 0, oldestOpenLate: rows.map(lateOrderOfRow) }]
      })
    ),
  }
}

async function readBacklog(knex: Knex, open: Knex): Promise<OpenOrders["backlog"]> {
  const edges = [...DEFAULT_AGE_EDGES_HOURS].sort((a, b) => a - b)
  const within = (i: number) => (i + 1 < edges.length ? `age >= ${Number(edges[i])} and age < ${Number(edges[i + 1])}` : `age >= ${Number(edges[i])}`)
  const [row] = await knex
    .with("open", open)
    .from("open")
    .select(
      knex.raw("count(*)::int as orders"),
      knex.raw("coalesce(sum(units), 0)::int as units"),
      knex.raw("percentile_cont(0.5) within group (order by age) as p50"),
      knex.raw("percentile_cont(0.9) within group (order by age) as p90"),
      knex.raw("max(age) as max"),
      ...edges.flatMap((_, i) => [
        knex.raw(`(count(*) filter (where ${within(i)}))::int as orders_${i}`),
        knex.raw(`coalesce(sum(units) filter (where ${within(i)}), 0)::int as units_${i}`),
      ])
    )
  return {
    orders: row.orders,
    units: row.units,
    ageHours: { p50: row.p50, p90: row.p90, max: row.max },
    ageBuckets: edges.map((from, i) => ({
      fromHours: from,
      toHours: i + 1 < edges.length ? edges[i + 1] : null,
      orders: row[`orders_${i}`],
      units: row[`units_${i}`],
    })),
  }
}

type LateRow = { stage: SlaStage; order_id: string; sales_channel_id: string | null; placed_ms: number; age: number; target: number; n: number }

async function readLate(knex: Knex, open: Knex, stages: SlaStage[], slaHours: Partial<Record<SlaStage, number>>, nowMs: number): Promise<LateRow[]> {
  // Stage names come from SLA_STAGES and targets are numbers: safe to write into the statement.
  const targets = stages.map((stage) => `('${stage}'::text, o.${stage}_ms, ${Number(slaHours[stage])}::float8)`).join(", ")
  const { rows } = await knex.raw(
    `with open as (${open.toQuery()})
     select * from (
       select s.stage, o.order_id, o.sales_channel_id, o.placed_ms, o.age, s.target,
              (count(*) over (partition by s.stage))::int as n,
              row_number() over (partition by s.stage order by o.age desc, o.order_id collate "C") as rank
         from open o cross join lateral (values ${targets}) as s(stage, reached_ms, target)
        where (s.reached_ms is null or s.reached_ms > ?) and o.age > s.target
     ) late
     where rank <= ?
     order by stage, rank`,
    [nowMs, OLDEST_OPEN_LATE]
  )
  return rows
}

function lateOrderOfRow(row: LateRow): LateOrder {
  return {
    orderId: row.order_id,
    channelId: row.sales_channel_id ?? "",
    placedAt: new Date(row.placed_ms).toISOString(),
    ageHours: row.age,
    overHours: row.age - row.target,
  }
}
