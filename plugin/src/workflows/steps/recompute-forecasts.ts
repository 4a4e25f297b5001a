import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_RHYTHM_MODULE } from "../../modules/order-rhythm"
import type OrderRhythmModuleService from "../../modules/order-rhythm/service"

export type RecomputeForecastsInput = { kind: "select" | "refit"; variant_ids?: string[] }

/**
 * Fits the forecasts in the module's worker threads. No compensation: a fit replaces a forecast
 * with a newer one of the same history, and a retry converges to the same state.
 */
export const recomputeForecastsStep = createStep("order-rhythm-recompute-forecasts", async (input: RecomputeForecastsInput, { container }) => {
  const rhythm = container.resolve<OrderRhythmModuleService>(ORDER_RHYTHM_MODULE)
  const result = await rhythm.forecasts.recompute({ kind: input.kind, variantIds: input.variant_ids })
  return new StepResponse(result)
})
