import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { enterExchangeRatesStep, type EnterExchangeRatesInput } from "../steps/enter-exchange-rates"
import { recountLiveRoomsStep } from "../steps/recount-live-rooms"

/** Enters exchange rates against the reporting currency; the walls' converted figures follow at once. */
export const enterExchangeRatesWorkflow = createWorkflow("order-rhythm-enter-exchange-rates", (input: EnterExchangeRatesInput) => {
  const entered = enterExchangeRatesStep(input)
  recountLiveRoomsStep()
  return new WorkflowResponse(entered)
})
