import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { LoadedOrder } from "../../lib/facts"

/**
 * What the facts are derived from, loaded in one Query call per batch (and, beside it, the
 * orders' changes, their lines' reservations and their variants' inventory items). No total
 * is asked for: any one makes the Order module compute all of the order's totals, about half
 * the load's CPU; a line's value comes from its price, tax lines and adjustments instead
 * (placedNetAmount), and its quantity from `detail.quantity`. Nested records with decimal quantities
 * (adjustments, fulfilment and return items, captures, refunds) are loaded whole (`.*`): asked for
 * field by field, their decimals come back missing.
 */
export const ORDER_FACT_FIELDS = [
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
  "fulfillments.id",
  "fulfillments.location_id",
  "fulfillments.created_at",
  "fulfillments.shipped_at",
  "fulfillments.delivered_at",
  "fulfillments.canceled_at",
  "fulfillments.items.*",
  "payment_collections.payments.id",
  "payment_collections.payments.captures.*",
  "payment_collections.payments.refunds.*",
  "returns.id",
  "returns.status",
  "returns.location_id",
  "returns.created_at",
  "returns.requested_at",
  "returns.received_at",
  "returns.canceled_at",
  "returns.items.*",
]

export type LoadOrdersInput = { order_ids: string[] }

/** Reloads the orders an event pointed at, as Medusa stores them now. */
export async function loadOrders(query: any, orderIds: string[]): Promise<LoadedOrder[]> {
  const ids = [...new Set(orderIds)]
  if (!ids.length) {
    return []
  }
  const [{ data: orders }, { data: changes }] = await Promise.all([
    query.graph({ entity: "order", fields: ORDER_FACT_FIELDS, filters: { id: ids } }),
    // Edits, claims and exchanges are order changes; the order has no Query relation to them.
    query.graph({
      entity: "order_change",
      fields: ["id", "order_id", "change_type", "status", "created_at", "confirmed_at", "canceled_at"],
      filters: { order_id: ids, status: "confirmed" },
    }),
  ])
  const loaded = orders as unknown as LoadedOrder[]
  const items = loaded.flatMap((order) => order.items ?? []).filter((item) => item !== null)
  const [locationsByLine, itemsByVariant] = await Promise.all([
    reservationLocations(query, items.map((item) => item.id)),
    inventoryItemsOf(query, items.map((item) => item.variant_id).filter((id): id is string => Boolean(id))),
  ])
  for (const item of items) {
    if (item.variant_id) item.variant = { inventory_items: itemsByVariant.get(item.variant_id) ?? [] }
  }
  for (const order of loaded) {
    const mine = (changes as any[]).filter((change) => change.order_id === order.id)
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

/** The load as a step of its own, for flows that only read (the ingest loads under its lock). */
export const loadOrdersStep = createStep("order-rhythm-load-orders", async ({ order_ids }: LoadOrdersInput, { container }) => {
  return new StepResponse(await loadOrders(container.resolve(ContainerRegistrationKeys.QUERY), order_ids))
})

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
