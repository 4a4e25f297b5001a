import type { OrderFacts } from "../facts"
import type { TickerOrder } from "../../../live-client/src/protocol"

/** How many orders the ticker holds: the store's ticker read and the early merge agree on it. */
export const TICKER_LENGTH = 20

/** A ticker entry from an order's facts, as the ticker read builds it from the stored rows. */
export function tickerOrderFromFacts({ order, lines }: OrderFacts): TickerOrder {
  return {
    orderId: order.order_id,
    displayId: order.display_id,
    placedAt: order.placed_at.toISOString(),
    channelId: order.sales_channel_id ?? "",
    units: order.units,
    amount: order.revenue,
    currency: order.currency_code,
    items: [...lines]
      .sort((a, b) => (a.line_id < b.line_id ? -1 : a.line_id > b.line_id ? 1 : 0))
      .map((line) => ({ title: line.title, quantity: line.quantity })),
    canceled: Boolean(order.canceled_at),
  }
}

/**
 * The ticker with these orders in it: the same newest-first list the stored read would give
 * once they are written (same order, same length), so a screen can be shown an order while
 * its facts are still being written, and the recount after the write finds nothing to change.
 * `channel` narrows to one channel's orders, as a channel wall's ticker does.
 */
export function mergeTicker(
  current: readonly TickerOrder[],
  incoming: readonly TickerOrder[],
  channel?: string,
  length = TICKER_LENGTH
): TickerOrder[] {
  const fresh = channel === undefined ? incoming : incoming.filter((order) => order.channelId === channel)
  const ids = new Set(fresh.map((order) => order.orderId))
  return [...current.filter((order) => !ids.has(order.orderId)), ...fresh]
    .sort((a, b) =>
      a.placedAt === b.placedAt ? (a.orderId < b.orderId ? 1 : a.orderId > b.orderId ? -1 : 0) : a.placedAt < b.placedAt ? 1 : -1
    )
    .slice(0, length)
}
