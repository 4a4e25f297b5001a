import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { loadOrdersStep, LoadOrdersInput } from "./steps/load-orders"
import { writeOrderFactsStep } from "./steps/write-order-facts"

/**
 * The one way an order becomes facts: live events, backfill and reconciliation all
 * call this with the ids they know, and it reloads the orders from Medusa itself.
 */
export const ingestOrdersWorkflow = createWorkflow(
  "order-rhythm-ingest-orders",
  (input: LoadOrdersInput) => {
    const orders = loadOrdersStep(input)
    const result = writeOrderFactsStep(orders)
    return new WorkflowResponse(result)
  }
)
