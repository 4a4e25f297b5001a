import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { InventoryPointers, loadInventoryStep } from "./steps/load-inventory"
import { writeInventoryStep } from "./steps/write-inventory"

/** Stock levels into snapshots: events, and reconciliation, all come through here. */
export const ingestInventoryWorkflow = createWorkflow("order-rhythm-ingest-inventory", (input: InventoryPointers) => {
  const loaded = loadInventoryStep(input)
  return new WorkflowResponse(writeInventoryStep(loaded))
})
