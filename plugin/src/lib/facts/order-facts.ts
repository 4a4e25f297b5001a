import { LoadedOrder, LoadedOrderItem, present } from "./loaded-order"
import { roundMoney, toNumber } from "./money"
import { deriveStageFacts, StageFactRow } from "./stage-facts"
import { deriveOrderFlow, OrderFlowTimes } from "./order-flow"

/**
 * Facts of one order as the plugin stores them: plain data derived from Medusa's own
 * record of the order, never from the event that pointed at it.
 */
export type OrderFactRow = OrderFlowTimes & {
  order_id: string
  display_id: number | null
  sales_channel_id: string | null
  region_id: string | null
  customer_id: string | null
  currency_code: string
  placed_at: Date
  canceled_at: Date | null
  units: number
  /** Item totals after discounts, without tax and shipping, in currency units. */
  revenue: number
  stock_location_id: string | null
  source_updated_at: Date
}

export type OrderLineFactRow = {
  line_id: string
  order_id: string
  variant_id: string | null
  product_id: string | null
  sku: string | null
  title: string
  quantity: number
  unit_price: number
  net_amount: number
  stock_location_id: string | null
  inventory_items: Array<{ inventory_item_id: string; required_quantity: number }> | null
}

export type OrderFacts = { order: OrderFactRow; lines: OrderLineFactRow[]; stages: StageFactRow[] }

/** Draft orders are not orders yet: they count from their conversion. */
export function isDraft(order: LoadedOrder): boolean {
  return Boolean(order.is_draft_order) || order.status === "draft"
}

/**
 * Derives the facts of one order. Revenue is the item total after discounts minus the
 * item tax, which is right for tax-inclusive prices too (there the tax is inside the total).
 */
export function deriveOrderFacts(order: LoadedOrder): OrderFacts {
  const fulfilledFrom = fulfilmentLocations(order)
  const lines: OrderLineFactRow[] = present(order.items).map((item) => {
    const quantity = toNumber(item.quantity ?? item.detail?.quantity)
    const unitPrice = toNumber(item.unit_price)
    const netAmount = placedNetAmount(item, quantity, unitPrice)
    return {
      line_id: item.id,
      order_id: order.id,
      variant_id: item.variant_id ?? null,
      product_id: item.product_id ?? null,
      sku: item.variant_sku ?? null,
      title: lineTitle(item),
      quantity,
      unit_price: unitPrice,
      net_amount: roundMoney(netAmount),
      stock_location_id: order.reservation_locations?.[item.id] ?? fulfilledFrom.get(item.id) ?? null,
      inventory_items: item.variant
        ? present(item.variant.inventory_items).map((link) => ({
            inventory_item_id: link.inventory_item_id,
            required_quantity: toNumber(link.required_quantity ?? 1) || 1,
          }))
        : null,
    }
  })
  const units = lines.reduce((sum, line) => sum + line.quantity, 0)
  const revenue = roundMoney(lines.reduce((sum, line) => sum + line.net_amount, 0))
  const stages = deriveStageFacts(order, lines, revenue, units)
  return {
    order: {
      order_id: order.id,
      display_id: order.display_id ?? null,
      sales_channel_id: order.sales_channel_id ?? null,
      region_id: order.region_id ?? null,
      customer_id: order.customer_id ?? null,
      currency_code: order.currency_code.toLowerCase(),
      placed_at: new Date(order.created_at),
      canceled_at: order.canceled_at ? new Date(order.canceled_at) : null,
      units,
      revenue,
      stock_location_id: lines.find((line) => line.stock_location_id)?.stock_location_id ?? null,
      ...deriveOrderFlow(stages, units),
      source_updated_at: new Date(order.updated_at),
    },
    lines,
    stages,
  }
}

/**
 * The line's item value as placed: after discounts, without tax, for the whole ordered
 * quantity, by Medusa's own rule (getLineItemTotals in @medusajs/utils): a tax-inclusive
 * price and a tax-inclusive discount each lose their tax at the line's rate. Computed here
 * from the raw fields, not read from Medusa's totals: asking Query for any total makes the
 * Order module compute every total of the order in BigNumber arithmetic, about half of the
 * load's CPU (bench/ingest/probe-totals-exec.ts), and those totals cover only the units not
 * yet returned, where a fact wants the line as it was placed.
 */
function placedNetAmount(item: LoadedOrderItem, quantity: number, unitPrice: number): number {
  const taxRate = present(item.tax_lines).reduce((sum, line) => sum + toNumber(line.rate), 0) / 100
  const withoutTax = (amount: number, inclusive: boolean | null | undefined) => (inclusive ? amount / (1 + taxRate) : amount)
  const subtotal = withoutTax(unitPrice * quantity, item.is_tax_inclusive)
  const discount = present(item.adjustments).reduce((sum, adjustment) => sum + withoutTax(toNumber(adjustment.amount), adjustment.is_tax_inclusive), 0)
  return subtotal - discount
}

/** Where each line was first fulfilled from: its location when no reservation says so. */
function fulfilmentLocations(order: LoadedOrder): Map<string, string> {
  const byLine = new Map<string, string>()
  const fulfillments = present(order.fulfillments)
    .filter((fulfillment) => !fulfillment.canceled_at && fulfillment.location_id)
    .sort((a, b) => +new Date(a.created_at) - +new Date(b.created_at))
  for (const fulfillment of fulfillments) {
    for (const item of present(fulfillment.items)) {
      if (item.line_item_id && !byLine.has(item.line_item_id)) {
        byLine.set(item.line_item_id, fulfillment.location_id as string)
      }
    }
  }
  return byLine
}

function lineTitle(item: LoadedOrderItem): string {
  if (item.product_title && item.variant_title && item.variant_title !== item.product_title) {
    return `${item.product_title} · ${item.variant_title}`
  }
  return item.product_title ?? item.title ?? item.variant_title ?? item.id
}
