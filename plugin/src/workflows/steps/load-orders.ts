import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { LoadedOrder } from "../../lib/facts"

/**
 * Everything the facts are derived from, loaded in one Query call per batch. The
 * order-level totals are asked for on purpose: without one of them Medusa returns the
 * items without their quantities and totals.
 */
export const ORDER_FACT_FIELDS = [
  "item_total",
  "item_tax_total",
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
  "items.total",
  "items.tax_total",
]

export type LoadOrdersInput = { order_ids: string[] }

/** Reloads the orders an event pointed at, as Medusa stores them now. */
export const loadOrdersStep = createStep(
  "order-rhythm-load-orders",
  async ({ order_ids }: LoadOrdersInput, { container }) => {
    if (!order_ids.length) {
      return new StepResponse([] as LoadedOrder[])
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order",
      fields: ORDER_FACT_FIELDS,
      filters: { id: order_ids },
    })
    return new StepResponse(data as unknown as LoadedOrder[])
  }
)
