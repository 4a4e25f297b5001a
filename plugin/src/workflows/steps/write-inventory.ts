import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_RHYTHM_MODULE } from "../../modules/order-rhythm"
import type OrderRhythmModuleService from "../../modules/order-rhythm/service"
import type { LoadedInventory } from "./load-inventory"

/** Idempotent like the order facts: a level seen again adds no snapshot. */
export const writeInventoryStep = createStep(
  "order-rhythm-write-inventory",
  async (input: LoadedInventory, { container }) => {
    const rhythm = container.resolve<OrderRhythmModuleService>(ORDER_RHYTHM_MODULE)
    return new StepResponse(await rhythm.ingestion.ingestInventory(input.levels, input.variantItems))
  }
)
