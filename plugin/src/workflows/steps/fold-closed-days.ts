import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_RHYTHM_MODULE } from "../../modules/order-rhythm"
import type OrderRhythmModuleService from "../../modules/order-rhythm/service"

/**
 * Folds every closed day not yet folded into its forecast (an O(1) update per variant) and
 * scores the day's forecasts. No compensation: folding a day twice is refused by its date.
 */
export const foldClosedDaysStep = createStep("order-rhythm-fold-closed-days", async (_: void, { container }) => {
  return new StepResponse(await container.resolve<OrderRhythmModuleService>(ORDER_RHYTHM_MODULE).forecasts.foldClosedDays())
})
