import { DateTime } from "luxon"
import type { HourBucket, OrderFlow, FinalStage, Window } from "../../../lib/rhythm"
import { Knex } from "./knex"

/**
 * An instant as epoch milliseconds: the driver's timestamptz parser costs more than the rest of
 * a row, and a year of rows is read per request. mergeBucketRows takes either.
 */
const EPOCH_MS = (column: string) => `(extract(epoch from ${column}) * 1000)::float8`

export type RhythmReadFilter = {
  fromUtc: string
  toUtc: string
  channels?: string[]
  locationId?: string
  finalStage: FinalStage
}

const FINAL_STAGE_COLUMN: Record<FinalStage, string> = {
  fulfilled: "fully_fulfilled_at",
  shipped: "fully_shipped_at",
  delivered: "fully_delivered_at",
}

/**
 * Hour buckets in the engine's shape: one per hour x channel, revenue per currency net
 * of cancellations and returns on the hour they happened. `ranges` (half-open, UTC) read
 * only the hours a request needs; they must not overlap, or hours would count twice.
 */
export async function readHourBuckets(
  knex: Knex,
  filter: Pick<RhythmReadFilter, "channels"> & ({ fromUtc: string; toUtc: string } | { ranges: Window[] })
): Promise<HourBucket[]> {
  const ranges = "ranges" in filter ? filter.ranges : [{ fromUtc: filter.fromUtc, toUtc: filter.toUtc }]
  if (!ranges.length) return []
  const query = knex("order_rhythm_hour_bucket")
    .select(
      knex.raw(`${EPOCH_MS("hour_start")} as hour_start`),
      "sales_channel_id",
      "currency_code",
      "orders",
      "units",
      knex.raw("(revenue - canceled_revenue - returned_revenue)::float8 as net_revenue"),
      "fulfilments",
      "fulfilled_units",
      "cancellations",
      "returns"
    )
    .where((any: Knex) => {
      for (const range of ranges) any.orWhere((one: Knex) => one.where("hour_start", ">=", range.fromUtc).where("hour_start", "<", range.toUtc))
    })
    .whereNull("deleted_at")
    .orderBy("hour_start")
  if (filter.channels) {
    query.whereIn("sales_channel_id", filter.channels)
  }
  return mergeBucketRows(await query)
}

/**
 * A window's counters per local day x channel x currency, each row standing at the first hour
 * it holds, so the day series and the rates add them up exactly as they would the day's hours
 * without reading every hour of a long window. The window's whole local days that ended by now
 * come from the day buckets (one row per day); the part days at its edges and the day of `now`
 * are grouped from their hours, with the hours from `now` on kept apart (the rates stop at now,
 * the series does not). Each hour belongs to the local day its start falls in.
 */
export async function readDayBuckets(
  knex: Knex,
  filter: Pick<RhythmReadFilter, "fromUtc" | "toUtc" | "channels"> & { nowUtc: string; timezone: string }
): Promise<HourBucket[]> {
  const { wholeDays, edges } = wholeLocalDays(filter)
  const reads = edges.map((edge) => groupedHours(knex, { ...filter, ...edge }))
  if (wholeDays) reads.push(dayRows(knex, wholeDays, filter.channels))
  return mergeBucketRows((await Promise.all(reads)).flat())
}

/** The window's whole local days that ended by now (first and last date), and the spans around them. */
function wholeLocalDays(filter: { fromUtc: string; toUtc: string; nowUtc: string; timezone: string }) {
  const from = DateTime.fromISO(filter.fromUtc, { zone: filter.timezone })
  const firstDay = from.startOf("day").toMillis() === from.toMillis() ? from : from.startOf("day").plus({ days: 1 })
  const stop = DateTime.fromMillis(Math.min(Date.parse(filter.toUtc), Date.parse(filter.nowUtc)), { zone: filter.timezone }).startOf("day")
  if (firstDay >= stop) return { wholeDays: null, edges: [{ fromUtc: filter.fromUtc, toUtc: filter.toUtc }] }
  const edges = [
    { fromUtc: filter.fromUtc, toUtc: firstDay.toUTC().toISO()! },
    { fromUtc: stop.toUTC().toISO()!, toUtc: filter.toUtc },
  ].filter((edge) => Date.parse(edge.fromUtc) < Date.parse(edge.toUtc))
  return { wholeDays: { first: firstDay.toISODate()!, last: stop.minus({ days: 1 }).toISODate()! }, edges }
}

const DAY_SUMS = [
  "sum(orders)::int as orders",
  "sum(units)::int as units",
  "sum(revenue - canceled_revenue - returned_revenue)::float8 as net_revenue",
  "sum(fulfilments)::int as fulfilments",
  "sum(fulfilled_units)::int as fulfilled_units",
  "sum(cancellations)::int as cancellations",
  "sum(returns)::int as returns",
]

function groupedHours(knex: Knex, filter: { fromUtc: string; toUtc: string; nowUtc: string; timezone: string; channels?: string[] }) {
  const query = knex("order_rhythm_hour_bucket")
    .select(knex.raw(`${EPOCH_MS("min(hour_start)")} as hour_start`), "sales_channel_id", "currency_code", ...DAY_SUMS.map((sum) => knex.raw(sum)))
    .where("hour_start", ">=", filter.fromUtc)
    .where("hour_start", "<", filter.toUtc)
    .whereNull("deleted_at")
    .groupByRaw("(hour_start at time zone ?)::date, sales_channel_id, currency_code, hour_start < ?", [filter.timezone, filter.nowUtc])
  if (filter.channels) {
    query.whereIn("sales_channel_id", filter.channels)
  }
  return query
}

function dayRows(knex: Knex, days: { first: string; last: string }, channels?: string[]) {
  const query = knex("order_rhythm_day_bucket")
    .select(
      knex.raw(`${EPOCH_MS("first_hour")} as hour_start`),
      "sales_channel_id",
      "currency_code",
      "orders",
      "units",
      knex.raw("net_revenue::float8 as net_revenue"),
      "fulfilments",
      "fulfilled_units",
      "cancellations",
      "returns"
    )
    .where("local_date", ">=", days.first)
    .where("local_date", "<=", days.last)
    .whereNull("deleted_at")
  if (channels) {
    query.whereIn("sales_channel_id", channels)
  }
  return query
}

/**
 * Orders per local hour-of-week (index (ISO weekday - 1) * 24 + hour in the store's zone) over
 * [fromUtc, toUtc): the heat map's totals (lib/rhythm hourOfWeekTotals) summed by PostgreSQL,
 * at most 168 rows whatever the span. Each hour is placed by its own UTC start in the zone, not
 * by its label, as the engine places it.
 */
export async function readHeatTotals(
  knex: Knex,
  filter: Pick<RhythmReadFilter, "fromUtc" | "toUtc" | "channels"> & { timezone: string }
): Promise<Float64Array> {
  const local = knex.raw("hour_start at time zone ?", [filter.timezone])
  const query = knex("order_rhythm_hour_bucket")
    .select(knex.raw("((extract(isodow from ?) - 1) * 24 + extract(hour from ?))::int as cell", [local, local]), knex.raw("sum(orders)::int as orders"))
    .where("hour_start", ">=", filter.fromUtc)
    .where("hour_start", "<", filter.toUtc)
    .whereNull("deleted_at")
    .groupByRaw("1")
  if (filter.channels) {
    query.whereIn("sales_channel_id", filter.channels)
  }
  const totals = new Float64Array(168)
  for (const row of await query) totals[row.cell] += row.orders
  return totals
}

/** Orders and units placed over [fromUtc, toUtc), all channels: the store's orders per unit. */
export async function readIntakeTotals(knex: Knex, window: { fromUtc: string; toUtc: string }): Promise<{ orders: number; units: number }> {
  const [row] = await knex("order_rhythm_hour_bucket")
    .select(knex.raw("coalesce(sum(orders), 0)::int as orders"), knex.raw("coalesce(sum(units), 0)::int as units"))
    .where("hour_start", ">=", window.fromUtc)
    .where("hour_start", "<", window.toUtc)
    .whereNull("deleted_at")
  return { orders: row.orders, units: row.units }
}

function mergeBucketRows(rows: any[]): HourBucket[] {
  const merged = new Map<string, HourBucket>()
  for (const row of rows) {
    const hourStartUtc = new Date(row.hour_start).toISOString()
    const key = `${hourStartUtc}|${row.sales_channel_id}`
    let bucket = merged.get(key)
    if (!bucket) {
      bucket = {
        hourStartUtc,
        channelId: row.sales_channel_id,
        orders: 0,
        units: 0,
        revenue: {},
        fulfilments: 0,
        fulfilledUnits: 0,
        cancellations: 0,
        returns: 0,
      }
      merged.set(key, bucket)
    }
    bucket.orders += row.orders
    bucket.units += row.units
    bucket.revenue[row.currency_code] = (bucket.revenue[row.currency_code] ?? 0) + Number(row.net_revenue)
    bucket.fulfilments += row.fulfilments
    bucket.fulfilledUnits = (bucket.fulfilledUnits ?? 0) + row.fulfilled_units
    bucket.cancellations += row.cancellations
    bucket.returns += row.returns
  }
  return [...merged.values()]
}

const FLOW_INSTANTS = [
  "placed_at",
  "canceled_at",
  "captured_at",
  "first_fulfilled_at",
  "fully_fulfilled_at",
  "fully_shipped_at",
  "fully_delivered_at",
]

/**
 * The order-fact columns an OrderFlow is made of, instants as epoch milliseconds: the driver's
 * timestamptz parser costs twice the read on a long window. Rows go through flowOfRow.
 */
export const FLOW_COLUMNS = [
  "order_id",
  "sales_channel_id",
  "units",
  ...FLOW_INSTANTS.map((column) => `${EPOCH_MS(column)} as ${column}`),
].join(", ")

export function flowOfRow(row: any): OrderFlow {
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())
  return {
    orderId: row.order_id,
    channelId: row.sales_channel_id ?? "",
    placedAt: new Date(row.placed_at).toISOString(),
    canceledAt: iso(row.canceled_at),
    capturedAt: iso(row.captured_at),
    firstFulfilledAt: iso(row.first_fulfilled_at),
    fullyFulfilledAt: iso(row.fully_fulfilled_at),
    // The engine's shipped stage closes an order only once every unit has left.
    shippedAt: iso(row.fully_shipped_at),
    deliveredAt: iso(row.fully_delivered_at),
    units: row.units,
  }
}

/**
 * Orders placed in the window and every order still open whenever it was placed: what the
 * engine needs before the stored digests and open-order sums are there (see rhythm-input).
 * Separate reads, each on its own index: the window's by placement, the open ones by the
 * partial index of the final stage (an OR of the two would scan the whole history).
 */
export async function readOrderFlows(knex: Knex, filter: RhythmReadFilter): Promise<OrderFlow[]> {
  const columns = (query: Knex) => query.select(knex.raw(FLOW_COLUMNS))
  const reads = [
    columns(scopedFacts(knex, filter)).where("placed_at", ">=", filter.fromUtc).where("placed_at", "<", filter.toUtc),
    columns(openFacts(knex, filter)).where("placed_at", "<", filter.fromUtc),
    columns(openFacts(knex, filter)).where("placed_at", ">=", filter.toUtc),
  ]
  return (await Promise.all(reads)).flat().map(flowOfRow)
}

/** The order facts of the filter's channels and stock location. */
export function scopedFacts(knex: Knex, filter: Pick<RhythmReadFilter, "channels" | "locationId">) {
  const query = knex("order_rhythm_order_fact").whereNull("deleted_at")
  if (filter.channels) {
    const channels = filter.channels
    // Same as coalesce(sales_channel_id, '') in (...), but the (channel, placed_at) index serves it.
    query.where((where: Knex) => {
      where.whereIn("sales_channel_id", channels)
      if (channels.includes("")) where.orWhereNull("sales_channel_id")
    })
  }
  if (filter.locationId) {
    query.where("stock_location_id", filter.locationId)
  }
  return query
}

/** Of those, the orders not canceled and not at the final stage: the partial index of that stage serves it. */
export function openFacts(knex: Knex, filter: Pick<RhythmReadFilter, "channels" | "locationId" | "finalStage">) {
  return scopedFacts(knex, filter).whereNull("canceled_at").whereNull(FINAL_STAGE_COLUMN[filter.finalStage])
}

/** The earliest fact the plugin holds: before it, "no orders" means "not installed yet". */
export async function readCoverageStart(knex: Knex): Promise<string | undefined> {
  const [row] = await knex("order_rhythm_order_fact").min("placed_at as first").whereNull("deleted_at")
  return row?.first ? new Date(row.first).toISOString() : undefined
}
