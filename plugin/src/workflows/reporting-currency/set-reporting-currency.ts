import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { setReportingCurrencyStep } from "../steps/set-reporting-currency"
import { recountLiveRoomsStep } from "../steps/recount-live-rooms"

/** Sets the currency converted totals are reported in; the walls' big numbers switch at once. */
export const setReportingCurrencyWorkflow = createWorkflow("order-rhythm-set-reporting-currency", (input: { currency_code: string | null }) => {
  const set = setReportingCurrencyStep(input)
  recountLiveRoomsStep()
  return new WorkflowResponse(set)
})
