/**
 * Facts of one order as the plugin stores them: plain data derived from Medusa's own
 * record of the order, never from the event that pointed at it.
 */
export type OrderFactRow = {
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
}

export type OrderFacts = { order: OrderFactRow; lines: OrderLineFactRow[] }

/** The shape of an order as the ingest workflow loads it through Medusa's Query. */
export type LoadedOrder = {
  id: string
  display_id?: number | null
  status?: string | null
  is_draft_order?: boolean | null
  sales_channel_id?: string | null
  region_id?: string | null
  customer_id?: string | null
  currency_code: string
  created_at: string | Date
  updated_at: string | Date
  canceled_at?: string | Date | null
  items?: Array<LoadedOrderItem | null> | null
}

export type LoadedOrderItem = {
  id: string
  variant_id?: string | null
  product_id?: string | null
  variant_sku?: string | null
  title?: string | null
  product_title?: string | null
  variant_title?: string | null
  quantity: unknown
  unit_price: unknown
  total?: unknown
  tax_total?: unknown
}

/** Medusa returns decimals as numbers, strings or BigNumber objects depending on the path. */
export function toNumber(value: unknown): number {
  if (value === null || value === undefined) {
    return 0
  }
  if (typeof value === "number") {
    return value
  }
  if (typeof value === "string") {
    return Number(value)
  }
  if (typeof value === "object") {
    const candidate = value as { numeric?: unknown; value?: unknown; toJSON?: () => unknown }
    if (typeof candidate.numeric === "number") {
      return candidate.numeric
    }
    if (candidate.value !== undefined) {
      return Number(candidate.value)
    }
    if (typeof candidate.toJSON === "function") {
      return Number(candidate.toJSON())
    }
  }
  return Number(value)
}

/** Draft orders are not orders yet: they count from their conversion. */
export function isDraft(order: LoadedOrder): boolean {
  return Boolean(order.is_draft_order) || order.status === "draft"
}

/**
 * Derives the facts of one order. Revenue is the item total after discounts minus the
 * item tax, which is right for tax-inclusive prices too (there the tax is inside the total).
 */
export function deriveOrderFacts(order: LoadedOrder): OrderFacts {
  const items = (order.items ?? []).filter((item): item is LoadedOrderItem => Boolean(item))
  const lines: OrderLineFactRow[] = items.map((item) => {
    const quantity = toNumber(item.quantity)
    const unitPrice = toNumber(item.unit_price)
    const netAmount =
      item.total === undefined ? unitPrice * quantity : toNumber(item.total) - toNumber(item.tax_total)
    return {
      line_id: item.id,
      order_id: order.id,
      variant_id: item.variant_id ?? null,
      product_id: item.product_id ?? null,
      sku: item.variant_sku ?? null,
      title: lineTitle(item),
      quantity,
      unit_price: unitPrice,
      net_amount: round(netAmount),
    }
  })
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
      units: lines.reduce((sum, line) => sum + line.quantity, 0),
      revenue: round(lines.reduce((sum, line) => sum + line.net_amount, 0)),
      source_updated_at: new Date(order.updated_at),
    },
    lines,
  }
}

function lineTitle(item: LoadedOrderItem): string {
  if (item.product_title && item.variant_title && item.variant_title !== item.product_title) {
    return `${item.product_title} · ${item.variant_title}`
  }
  return item.product_title ?? item.title ?? item.variant_title ?? item.id
}

/** Money stays exact to a millionth of a unit, enough for every currency Medusa supports. */
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6
}
