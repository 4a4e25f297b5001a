import { TICKER_LENGTH, type Money, type TickerOrder, type TodayTotals } from "../../../lib/live"
import { Knex } from "./knex"

/** The newest orders for the ticker: number, items, amount; never who bought them. */
export async function readTicker(knex: Knex, channel: string | undefined, limit = TICKER_LENGTH): Promise<TickerOrder[]> {
  const query = knex("order_rhythm_order_fact")
    .select("order_id", "display_id", "placed_at", "sales_channel_id", "units", knex.raw("revenue::float8 as revenue"), "currency_code", "canceled_at")
    .whereNull("deleted_at")
    .orderBy([{ column: "placed_at", order: "desc" }, { column: "order_id", order: "desc" }])
    .limit(limit)
  if (channel) {
    query.where("sales_channel_id", channel)
  }
  const orders: any[] = await query
  const lines: any[] = orders.length
    ? await knex("order_rhythm_order_line_fact")
        .select("order_id", "title", "quantity")
        .whereIn("order_id", orders.map((order) => order.order_id))
        .whereNull("deleted_at")
        .orderBy("line_id")
    : []
  return orders.map((order) => ({
    orderId: order.order_id,
    displayId: order.display_id,
    placedAt: new Date(order.placed_at).toISOString(),
    channelId: order.sales_channel_id ?? "",
    units: order.units,
    amount: order.revenue,
    currency: order.currency_code,
    items: lines.filter((line) => line.order_id === order.order_id).map((line) => ({ title: line.title, quantity: line.quantity })),
    canceled: Boolean(order.canceled_at),
  }))
}

/**
 * Orders, units and net revenue placed in [from, to): revenue less what was canceled or
 * returned in the same span, by the time each happened.
 */
async function totalsBetween(knex: Knex, channel: string | undefined, from: string, to: string) {
  const placed = knex("order_rhythm_order_fact")
    .select("currency_code")
    .count("* as orders")
    .sum("units as units")
    .select(knex.raw("sum(revenue)::float8 as revenue"))
    .whereNull("deleted_at")
    .where("placed_at", ">=", from)
    .where("placed_at", "<", to)
    .groupBy("currency_code")
  const takenBack = knex("order_rhythm_stage_fact")
    .select("currency_code")
    .select(knex.raw("sum(amount)::float8 as amount"))
    .whereNull("deleted_at")
    .whereIn("stage", ["canceled", "returned"])
    .where("occurred_at", ">=", from)
    .where("occurred_at", "<", to)
    .groupBy("currency_code")
  if (channel) {
    placed.where("sales_channel_id", channel)
    takenBack.where("sales_channel_id", channel)
  }
  const [placedRows, backRows]: [any[], any[]] = await Promise.all([placed, takenBack])
  const revenue: Money = {}
  let orders = 0
  let units = 0
  for (const row of placedRows) {
    orders += Number(row.orders)
    units += Number(row.units ?? 0)
    revenue[row.currency_code] = (revenue[row.currency_code] ?? 0) + Number(row.revenue ?? 0)
  }
  for (const row of backRows) {
    revenue[row.currency_code] = (revenue[row.currency_code] ?? 0) - Number(row.amount ?? 0)
  }
  for (const currency of Object.keys(revenue)) {
    revenue[currency] = Math.round(revenue[currency] * 1e6) / 1e6
  }
  return { orders, units, revenue }
}

export async function readTodayTotals(
  knex: Knex,
  channel: string | undefined,
  span: { localDate: string; dayStartUtc: string; nowUtc: string; lastWeekStartUtc: string; lastWeekNowUtc: string }
): Promise<TodayTotals> {
  const [today, lastWeek] = await Promise.all([
    totalsBetween(knex, channel, span.dayStartUtc, span.nowUtc),
    totalsBetween(knex, channel, span.lastWeekStartUtc, span.lastWeekNowUtc),
  ])
  return { localDate: span.localDate, asOf: span.nowUtc, ...today, lastWeek }
}
