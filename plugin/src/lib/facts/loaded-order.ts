/** The shape of an order as the ingest workflow loads it through Medusa's Query. */
export type Timestamp = string | Date

export type LoadedOrder = {
  id: string
  display_id?: number | null
  status?: string | null
  is_draft_order?: boolean | null
  sales_channel_id?: string | null
  region_id?: string | null
  customer_id?: string | null
  currency_code: string
  created_at: Timestamp
  updated_at: Timestamp
  canceled_at?: Timestamp | null
  items?: Array<LoadedOrderItem | null> | null
  fulfillments?: Array<LoadedFulfillment | null> | null
  payment_collections?: Array<{ payments?: Array<LoadedPayment | null> | null } | null> | null
  returns?: Array<LoadedReturn | null> | null
  claims?: Array<LoadedChange | null> | null
  exchanges?: Array<LoadedChange | null> | null
  /** Confirmed order edits, loaded separately (the order has no Query relation to them). */
  edits?: Array<LoadedChange | null> | null
  /** Stock location of each line's reservation (line id -> location), loaded separately. */
  reservation_locations?: Record<string, string>
}

export type LoadedOrderItem = {
  id: string
  variant_id?: string | null
  product_id?: string | null
  variant_sku?: string | null
  title?: string | null
  product_title?: string | null
  variant_title?: string | null
  /** Query returns it only when `detail.quantity` (or an order total) is asked for. */
  quantity?: unknown
  unit_price: unknown
  is_tax_inclusive?: boolean | null
  tax_lines?: Array<{ rate?: unknown } | null> | null
  adjustments?: Array<{ amount?: unknown; is_tax_inclusive?: boolean | null } | null> | null
  detail?: { quantity?: unknown } | null
  variant?: { inventory_items?: Array<{ inventory_item_id: string; required_quantity?: unknown } | null> | null } | null
}

export type LoadedFulfillment = {
  id: string
  location_id?: string | null
  created_at: Timestamp
  shipped_at?: Timestamp | null
  delivered_at?: Timestamp | null
  canceled_at?: Timestamp | null
  items?: Array<{ line_item_id?: string | null; quantity: unknown } | null> | null
}

export type LoadedPayment = {
  id: string
  captures?: Array<{ id: string; amount: unknown; created_at: Timestamp } | null> | null
  refunds?: Array<{ id: string; amount: unknown; created_at: Timestamp } | null> | null
}

export type LoadedReturn = {
  id: string
  status?: string | null
  location_id?: string | null
  created_at: Timestamp
  requested_at?: Timestamp | null
  received_at?: Timestamp | null
  canceled_at?: Timestamp | null
  items?: Array<{ item_id: string; quantity: unknown; received_quantity?: unknown } | null> | null
}

export type LoadedChange = {
  id: string
  created_at: Timestamp
  confirmed_at?: Timestamp | null
  canceled_at?: Timestamp | null
}

export function present<T>(list: Array<T | null | undefined> | null | undefined): T[] {
  return (list ?? []).filter((entry): entry is T => entry !== null && entry !== undefined)
}
