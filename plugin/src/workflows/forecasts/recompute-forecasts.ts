import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { recomputeForecastsStep, type RecomputeForecastsInput } from "../steps/recompute-forecasts"

/** On demand (admin) and from the nightly job: select or refit the forecasts of all or some variants. */
export const recomputeForecastsWorkflow = createWorkflow("order-rhythm-recompute-forecasts", (input: RecomputeForecastsInput) => {
  const result = recomputeForecastsStep(input)
  return new WorkflowResponse(result)
})
