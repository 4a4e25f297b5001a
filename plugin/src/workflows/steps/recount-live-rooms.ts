import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_RHYTHM_MODULE } from "../../modules/order-rhythm"
import type OrderRhythmModuleService from "../../modules/order-rhythm/service"

/** Every watched room recounts: a setting every figure depends on changed (the reporting currency, a rate). */
export const recountLiveRoomsStep = createStep("order-rhythm-recount-live-rooms", async (_: void, { container }) => {
  await container.resolve<OrderRhythmModuleService>(ORDER_RHYTHM_MODULE).live.recountAll()
  return new StepResponse(true)
})
