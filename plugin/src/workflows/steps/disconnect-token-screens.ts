import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_RHYTHM_MODULE } from "../../modules/order-rhythm"
import type OrderRhythmModuleService from "../../modules/order-rhythm/service"

/** Cuts the open screens of a revoked token at once (last: nothing after it can fail and undo the revocation). */
export const disconnectTokenScreensStep = createStep("order-rhythm-disconnect-token-screens", async ({ id }: { id: string }, { container }) => {
  await container.resolve<OrderRhythmModuleService>(ORDER_RHYTHM_MODULE).live.disconnectToken(id)
  return new StepResponse({ id })
})
