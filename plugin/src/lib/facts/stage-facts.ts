import { LoadedOrder, present, Timestamp } from "./loaded-order"
import { roundMoney, toNumber } from "./money"

export type Stage =
  | "captured"
  | "refunded"
  | "fulfilled"
  | "shipped"
  | "delivered"
  | "return_requested"
  | "returned"
  | "canceled"
  | "edited"
  | "claimed"
  | "exchanged"

export type StageFactRow = {
  /** `<kind>:<Medusa record id>`: the same record always yields the same key. */
  key: string
  order_id: string
  stage: Stage
  source_id: string
  occurred_at: Date
  units: number
  amount: number
  currency_code: string
  sales_channel_id: string
  stock_location_id: string | null
  line_id: string | null
  variant_id: string | null
}

/**
 * One fact per record Medusa keeps about the order's progress, stamped with the time
 * Medusa recorded. A canceled fulfilment or return did not happen, so it yields none.
 */
export function deriveStageFacts(
  order: LoadedOrder,
  lines: Array<{ line_id: string; variant_id: string | null; quantity: number; net_amount: number }>,
  revenue: number,
  units: number
): StageFactRow[] {
  const currency = order.currency_code.toLowerCase()
  const channel = order.sales_channel_id ?? ""
  const byLine = new Map(lines.map((line) => [line.line_id, line]))
  const netUnitPrice = (lineId: string) => {
    const line = byLine.get(lineId)
    return line && line.quantity ? line.net_amount / line.quantity : 0
  }
  const facts: StageFactRow[] = []
  const add = (
    kind: string,
    stage: Stage,
    sourceId: string,
    at: Timestamp | null | undefined,
    values: { units?: number; amount?: number; location?: string | null; lineId?: string } = {},
    key = `${kind}:${sourceId}`
  ) => {
    if (!at) {
      return
    }
    facts.push({
      key,
      order_id: order.id,
      stage,
      source_id: sourceId,
      occurred_at: new Date(at),
      units: values.units ?? 0,
      amount: roundMoney(values.amount ?? 0),
      currency_code: currency,
      sales_channel_id: channel,
      stock_location_id: values.location ?? null,
      line_id: values.lineId ?? null,
      variant_id: values.lineId ? byLine.get(values.lineId)?.variant_id ?? null : null,
    })
  }

  for (const collection of present(order.payment_collections)) {
    for (const payment of present(collection.payments)) {
      for (const capture of present(payment.captures)) {
        add("capture", "captured", capture.id, capture.created_at, { amount: toNumber(capture.amount) })
      }
      for (const refund of present(payment.refunds)) {
        add("refund", "refunded", refund.id, refund.created_at, { amount: toNumber(refund.amount) })
      }
    }
  }

  for (const fulfillment of present(order.fulfillments)) {
    if (fulfillment.canceled_at) {
      continue
    }
    const fulfilledUnits = present(fulfillment.items).reduce((sum, item) => sum + toNumber(item.quantity), 0)
    const values = { units: fulfilledUnits, location: fulfillment.location_id ?? null }
    add("fulfillment", "fulfilled", fulfillment.id, fulfillment.created_at, values)
    add("shipment", "shipped", fulfillment.id, fulfillment.shipped_at, values)
    add("delivery", "delivered", fulfillment.id, fulfillment.delivered_at, values)
  }

  for (const ret of present(order.returns)) {
    if (ret.canceled_at || ret.status === "canceled") {
      continue
    }
    const items = present(ret.items)
    const requestedUnits = items.reduce((sum, item) => sum + toNumber(item.quantity), 0)
    add("return_requested", "return_requested", ret.id, ret.requested_at ?? ret.created_at, {
      units: requestedUnits,
      location: ret.location_id ?? null,
    })
    // One fact per line that came back: the day x variant aggregate needs returns per variant.
    if (ret.received_at) {
      for (const item of items) {
        const units = toNumber(item.received_quantity)
        if (units > 0) {
          add(
            "return",
            "returned",
            ret.id,
            ret.received_at,
            { units, amount: units * netUnitPrice(item.item_id), location: ret.location_id ?? null, lineId: item.item_id },
            `return:${ret.id}:${item.item_id}`
          )
        }
      }
    }
  }

  add("cancel", "canceled", order.id, order.canceled_at, { units, amount: revenue })

  for (const edit of present(order.edits)) {
    if (!edit.canceled_at) {
      add("edit", "edited", edit.id, edit.confirmed_at ?? edit.created_at)
    }
  }
  for (const claim of present(order.claims)) {
    if (!claim.canceled_at) {
      add("claim", "claimed", claim.id, claim.created_at)
    }
  }
  for (const exchange of present(order.exchanges)) {
    if (!exchange.canceled_at) {
      add("exchange", "exchanged", exchange.id, exchange.created_at)
    }
  }
  return facts
}
