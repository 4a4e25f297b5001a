import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_RHYTHM_MODULE } from "../../modules/order-rhythm"
import type OrderRhythmModuleService from "../../modules/order-rhythm/service"

export type RecomputeForecastsInput = {
  kind: "select" | "refit"
  variant_ids?: string[]
  /** The run's clock (ISO): the night's job passes its own; default now. */
  now?: string
  /** After the fit, drop tracked points older than the tracking keeps (the night's run). */
  prune_tracking?: boolean
}

/**
 * Fits the forecasts in the module's worker threads. No compensation: a fit replaces a forecast
 * with a newer one of the same history, and a retry converges to the same state.
 */
export const recomputeForecastsStep = createStep("order-rhythm-recompute-forecasts", async (input: RecomputeForecastsInput, { container }) => {
  const forecasts = container.resolve<OrderRhythmModuleService>(ORDER_RHYTHM_MODULE).forecasts
  const now = input.now ? new Date(input.now) : new Date()
  const result = await forecasts.recompute({ kind: input.kind, variantIds: input.variant_ids, now })
  if (input.prune_tracking) await forecasts.pruneTracking(now)
  return new StepResponse(result)
})
