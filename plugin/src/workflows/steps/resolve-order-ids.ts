import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** What an event can point at; shipments, deliveries and payments name their own record, not the order. */
export type OrderPointers = {
  order_ids?: string[]
  fulfillment_ids?: string[]
  payment_ids?: string[]
}

export const resolveOrderIdsStep = createStep(
  "order-rhythm-resolve-order-ids",
  async (input: OrderPointers, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const ids = new Set(input.order_ids ?? [])
    if (input.fulfillment_ids?.length) {
      const { data } = await query.graph({
        entity: "fulfillment",
        fields: ["id", "order.id"],
        filters: { id: input.fulfillment_ids },
      })
      for (const fulfillment of data as any[]) {
        if (fulfillment.order?.id) ids.add(fulfillment.order.id)
      }
    }
    if (input.payment_ids?.length) {
      const { data } = await query.graph({
        entity: "payment",
        fields: ["id", "payment_collection.order.id"],
        filters: { id: input.payment_ids },
      })
      for (const payment of data as any[]) {
        if (payment.payment_collection?.order?.id) ids.add(payment.payment_collection.order.id)
      }
    }
    return new StepResponse({ order_ids: [...ids] })
  }
)
