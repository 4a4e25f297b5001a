import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { writeOrderFactsStep } from "./steps/write-order-facts"
import { OrderPointers, resolveOrderIdsStep } from "./steps/resolve-order-ids"

/**
 * The one way an order becomes facts: live events, backfill and reconciliation all
 * call this with the ids they know, and it reloads the orders from Medusa itself (inside
 * the write, under a per-order lock, so concurrent ingests converge on the latest state).
 */
export const ingestOrdersWorkflow = createWorkflow("order-rhythm-ingest-orders", (input: OrderPointers) => {
  const ids = resolveOrderIdsStep(input)
  const result = writeOrderFactsStep(ids)
  return new WorkflowResponse(result)
})
