import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { foldClosedDaysStep } from "../steps/fold-closed-days"

/** Hourly: once a local day has closed, every forecast takes it in. */
export const foldClosedDaysWorkflow = createWorkflow("order-rhythm-fold-closed-days", () => {
  return new WorkflowResponse(foldClosedDaysStep())
})
