import type { LoadedOrder } from "../../lib/facts"

/**
 * What the facts are derived from. No total is asked for: any one makes the Order module compute
 * all of the order's totals, about half the load's CPU; a line's value comes from its price, tax
 * lines and adjustments instead (placedNetAmount), and its quantity from `detail.quantity`.
 * Nested records with decimal quantities (adjustments, fulfilment and return items, captures,
 * refunds) are loaded whole (`.*`): asked for field by field, their decimals come back missing.
 */
export const ORDER_FIELDS = [
  "id",
  "display_id",
  "status",
  "is_draft_order",
  "sales_channel_id",
  "region_id",
  "customer_id",
  "currency_code",
  "created_at",
  "updated_at",
  "canceled_at",
  "items.id",
  "items.variant_id",
  "items.product_id",
  "items.variant_sku",
  "items.title",
  "items.product_title",
  "items.variant_title",
  "items.quantity",
  "items.unit_price",
  "items.detail.quantity",
  "items.is_tax_inclusive",
  "items.tax_lines.rate",
  "items.adjustments.*",
  "returns.id",
  "returns.status",
  "returns.location_id",
  "returns.created_at",
  "returns.requested_at",
  "returns.received_at",
  "returns.canceled_at",
  "returns.items.*",
]

/** An order's fulfilments, from the Fulfillment module. */
export const FULFILLMENT_FIELDS = ["id", "location_id", "created_at", "shipped_at", "delivered_at", "canceled_at", "items.*"]

/** Its payments, from the Payment module. */
export const PAYMENT_FIELDS = ["id", "payment_collection_id", "captures.*", "refunds.*"]

/** The same records as one graph through the order's links (benches compare the load with it). */
export const ORDER_FACT_FIELDS = [
  ...ORDER_FIELDS,
  ...FULFILLMENT_FIELDS.map((field) => `fulfillments.${field}`),
  ...PAYMENT_FIELDS.map((field) => `payment_collections.payments.${field}`),
]

export type LoadOrdersInput = { order_ids: string[] }

/**
 * Reloads the orders an event pointed at, as Medusa stores them now, with their changes (edits,
 * claims, exchanges), their lines' reservations and their variants' inventory items.
 */
export async function loadOrders(query: any, orderIds: string[]): Promise<LoadedOrder[]> {
  const ids = [...new Set(orderIds)]
  if (!ids.length) {
    return []
  }
  const [loaded, { data: changes }] = await Promise.all([
    loadOrderRecords(query, ids),
    // Edits, claims and exchanges are order changes; the order has no Query relation to them.
    query.graph({
      entity: "order_change",
      fields: ["id", "order_id", "change_type", "status", "created_at", "confirmed_at", "canceled_at"],
      filters: { order_id: ids, status: "confirmed" },
    }),
  ])
  const items = loaded.flatMap((order) => order.items ?? []).filter((item) => item !== null)
  const [locationsByLine, itemsByVariant] = await Promise.all([
    reservationLocations(query, items.map((item) => item.id)),
    inventoryItemsOf(query, items.map((item) => item.variant_id).filter((id): id is string => Boolean(id))),
  ])
  for (const item of items) {
    if (item.variant_id) item.variant = { inventory_items: itemsByVariant.get(item.variant_id) ?? [] }
  }
  const changesByOrder = groupBy(changes as any[], (change) => change.order_id)
  for (const order of loaded) {
    const mine = changesByOrder.get(order.id) ?? []
    order.edits = mine.filter((change) => change.change_type === "edit")
    order.claims = mine.filter((change) => change.change_type === "claim")
    order.exchanges = mine.filter((change) => change.change_type === "exchange")
    order.reservation_locations = Object.fromEntries(
      (order.items ?? []).flatMap((item) => {
        const location = item ? locationsByLine.get(item.id)?.[0] : undefined
        return item && location ? [[item.id, location]] : []
      })
    )
  }
  return loaded
}

/**
 * The orders with their items and returns, fulfilments and payments: each module asked by itself
 * (the order, then the link tables, then the fulfilments and payments by id) and stitched here.
 * The same records as one graph through the order's links (ORDER_FACT_FIELDS), for about a tenth
 * less of the process's CPU: Query's stitching of linked modules costs more than this does
 * (`medusa exec ./bench/ingest/probe-load-exec.ts`, which also checks the facts are the same).
 */
export async function loadOrderRecords(query: any, ids: string[]): Promise<LoadedOrder[]> {
  const [{ data: orders }, { data: fulfilmentLinks }, { data: paymentLinks }] = await Promise.all([
    query.graph({ entity: "order", fields: ORDER_FIELDS, filters: { id: ids } }),
    query.graph({ entity: "order_fulfillment", fields: ["order_id", "fulfillment_id"], filters: { order_id: ids } }),
    query.graph({ entity: "order_payment_collection", fields: ["order_id", "payment_collection_id"], filters: { order_id: ids } }),
  ])
  const fulfilmentIds = (fulfilmentLinks as any[]).map((link) => link.fulfillment_id)
  const collectionIds = (paymentLinks as any[]).map((link) => link.payment_collection_id)
  const none = { data: [] }
  const [{ data: fulfilments }, { data: payments }] = await Promise.all([
    fulfilmentIds.length ? query.graph({ entity: "fulfillment", fields: FULFILLMENT_FIELDS, filters: { id: fulfilmentIds } }) : none,
    collectionIds.length ? query.graph({ entity: "payment", fields: PAYMENT_FIELDS, filters: { payment_collection_id: collectionIds } }) : none,
  ])
  const fulfilmentById = new Map((fulfilments as any[]).map((fulfilment) => [fulfilment.id, fulfilment]))
  const paymentsByCollection = groupBy(payments as any[], (payment) => payment.payment_collection_id)
  const fulfilmentsByOrder = groupBy(fulfilmentLinks as any[], (link) => link.order_id)
  const collectionsByOrder = groupBy(paymentLinks as any[], (link) => link.order_id)
  const loaded = orders as unknown as LoadedOrder[]
  for (const order of loaded) {
    order.fulfillments = (fulfilmentsByOrder.get(order.id) ?? []).map((link) => fulfilmentById.get(link.fulfillment_id)).filter(Boolean)
    order.payment_collections = (collectionsByOrder.get(order.id) ?? []).map((link) => ({
      payments: paymentsByCollection.get(link.payment_collection_id) ?? [],
    }))
  }
  return loaded
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const row of rows) {
    const group = groups.get(key(row))
    if (group) group.push(row)
    else groups.set(key(row), [row])
  }
  return groups
}

/**
 * Which inventory items each variant draws on, read from the link itself: through
 * `items.variant.inventory_items` Query would also load every variant from the Product module
 * only to reach its links (for one order about 10 ms of the server's CPU, a sixth of the load;
 * bench/ingest/per-order-cost-exec.ts). A line whose variant has no links gets none ([]).
 */
async function inventoryItemsOf(query: any, variantIds: string[]): Promise<Map<string, Array<{ inventory_item_id: string; required_quantity: unknown }>>> {
  const byVariant = new Map<string, Array<{ inventory_item_id: string; required_quantity: unknown }>>()
  const ids = [...new Set(variantIds)]
  if (!ids.length) return byVariant
  const { data } = await query.graph({
    entity: "product_variant_inventory_item",
    fields: ["variant_id", "inventory_item_id", "required_quantity"],
    filters: { variant_id: ids },
  })
  for (const link of data as Array<{ variant_id: string; inventory_item_id: string; required_quantity: unknown }>) {
    byVariant.set(link.variant_id, [...(byVariant.get(link.variant_id) ?? []), { inventory_item_id: link.inventory_item_id, required_quantity: link.required_quantity }])
  }
  return byVariant
}

/** A line's demand belongs to the stock location of its reservation. */
async function reservationLocations(query: any, lineIds: string[]): Promise<Map<string, string[]>> {
  const byLine = new Map<string, string[]>()
  if (!lineIds.length) {
    return byLine
  }
  const { data } = await query.graph({
    entity: "reservation",
    fields: ["line_item_id", "location_id"],
    filters: { line_item_id: lineIds },
  })
  for (const reservation of data as Array<{ line_item_id: string; location_id: string }>) {
    byLine.set(reservation.line_item_id, [...(byLine.get(reservation.line_item_id) ?? []), reservation.location_id])
  }
  return byLine
}
