import type { HourBucket, OrderFlow, FinalStage } from "../../../lib/rhythm"
import { Knex } from "./knex"

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
 * of cancellations and returns on the hour they happened.
 */
export async function readHourBuckets(knex: Knex, filter: Pick<RhythmReadFilter, "fromUtc" | "toUtc" | "channels">): Promise<HourBucket[]> {
  const query = knex("order_rhythm_hour_bucket")
    .select(
      "hour_start",
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
    .where("hour_start", ">=", filter.fromUtc)
    .where("hour_start", "<", filter.toUtc)
    .whereNull("deleted_at")
    .orderBy("hour_start")
  if (filter.channels) {
    query.whereIn("sales_channel_id", filter.channels)
  }
  const rows: any[] = await query
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

/** Orders placed in the window, and every order still open whenever it was placed (the backlog). */
export async function readOrderFlows(knex: Knex, filter: RhythmReadFilter): Promise<OrderFlow[]> {
  const finalColumn = FINAL_STAGE_COLUMN[filter.finalStage]
  const query = knex("order_rhythm_order_fact")
    .select(
      "order_id",
      "sales_channel_id",
      "placed_at",
      "canceled_at",
      "captured_at",
      "first_fulfilled_at",
      "fully_fulfilled_at",
      "fully_shipped_at",
      "fully_delivered_at",
      "units"
    )
    .whereNull("deleted_at")
    .where((where: Knex) =>
      where
        .where((inWindow: Knex) => inWindow.where("placed_at", ">=", filter.fromUtc).where("placed_at", "<", filter.toUtc))
        .orWhere((open: Knex) => open.whereNull("canceled_at").whereNull(finalColumn))
    )
  if (filter.channels) {
    query.whereIn(knex.raw("coalesce(sales_channel_id, '')"), filter.channels)
  }
  if (filter.locationId) {
    query.where("stock_location_id", filter.locationId)
  }
  const rows: any[] = await query
  const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null)
  return rows.map((row) => ({
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
  }))
}

/** The earliest fact the plugin holds: before it, "no orders" means "not installed yet". */
export async function readCoverageStart(knex: Knex): Promise<string | undefined> {
  const [row] = await knex("order_rhythm_order_fact").min("placed_at as first").whereNull("deleted_at")
  return row?.first ? new Date(row.first).toISOString() : undefined
}
