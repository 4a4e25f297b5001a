import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { loadOrdersStep } from "./steps/load-orders"
import { writeOrderFactsStep } from "./steps/write-order-facts"
import { OrderPointers, resolveOrderIdsStep } from "./steps/resolve-order-ids"

/**
 * The one way an order becomes facts: live events, backfill and reconciliation all
 * call this with the ids they know, and it reloads the orders from Medusa itself.
 */
export const ingestOrdersWorkflow = createWorkflow("order-rhythm-ingest-orders", (input: OrderPointers) => {
  const ids = resolveOrderIdsStep(input)
  const orders = loadOrdersStep(ids)
  const result = writeOrderFactsStep(orders)
  return new WorkflowResponse(result)
})
