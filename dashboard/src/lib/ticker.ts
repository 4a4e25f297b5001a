import { formatClock, formatCount, formatMoney } from "./format"
import type { TickerOrder } from "@order-rhythm/live-client"

export type TickerRow = {
  id: string
  number: string
  time: string
  items: string
  amount: string
  canceled: boolean
}

/**
 * The live order ticker: newest first whatever order the list came in, and only what a wall may
 * show (number, items, amount). The customer is not on the wire and not on the screen.
 */
export function tickerRows(
  orders: readonly TickerOrder[],
  timezone: string | null,
  locale: string,
  itemsWord: (n: string) => string,
  limit = 30
): TickerRow[] {
  return [...orders]
    .sort((a, b) => Date.parse(b.placedAt) - Date.parse(a.placedAt))
    .slice(0, limit)
    .map((o) => ({
      id: o.orderId,
      number: o.displayId === null ? "—" : `#${o.displayId}`,
      time: formatClock(o.placedAt, timezone),
      items: `${itemsWord(formatCount(o.units, locale))} · ${o.items.map((i) => (i.quantity > 1 ? `${i.title} ×${i.quantity}` : i.title)).join(", ")}`,
      amount: formatMoney(o.amount, o.currency, locale),
      canceled: o.canceled,
    }))
}
