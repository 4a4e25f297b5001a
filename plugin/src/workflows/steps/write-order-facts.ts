import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_RHYTHM_MODULE } from "../../modules/order-rhythm"
import type OrderRhythmModuleService from "../../modules/order-rhythm/service"
import { deriveOrderFacts, isDraft, LoadedOrder } from "../../lib/facts"
import { variantDayKeysOf } from "../../modules/order-rhythm/store/variant-days"

/**
 * Derives and writes the facts of the loaded orders and recounts the hour buckets they
 * touch. No compensation: the write is an idempotent upsert of what Medusa holds, so a
 * retry or a later event converges anyway.
 */
export const writeOrderFactsStep = createStep(
  "order-rhythm-write-order-facts",
  async (orders: LoadedOrder[], { container }) => {
    const rhythm = container.resolve<OrderRhythmModuleService>(ORDER_RHYTHM_MODULE)
    const facts = orders.filter((order) => !isDraft(order)).map(deriveOrderFacts)
    const result = await rhythm.ingestFacts(facts)
    // After the commit above: the screens recount from what is now stored.
    await rhythm.ordersChanged(facts.map((fact) => fact.order.sales_channel_id))
    // Cheap and after the commit: a failed forecast update must not fail the ingest (the hourly
    // day-close job and the nightly refit catch up).
    await rhythm.forecasts
      .factsChanged(facts.flatMap((fact) => variantDayKeysOf(fact, rhythm.options.timezone)))
      .catch((error) => container.resolve("logger").error(`order-rhythm: forecast update failed: ${error?.stack ?? error}`))
    return new StepResponse({ written: facts.map((fact) => fact.order.order_id), buckets: result.buckets })
  }
)
