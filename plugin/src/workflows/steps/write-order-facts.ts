import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ORDER_RHYTHM_MODULE } from "../../modules/order-rhythm"
import type OrderRhythmModuleService from "../../modules/order-rhythm/service"
import { deriveOrderFacts, isDraft } from "../../lib/facts"
import { variantDayKeysOf } from "../../modules/order-rhythm/store/variant-days"
import { loadOrders, LoadOrdersInput } from "./load-orders"

/**
 * Reloads the orders and writes their facts, recounting the hour buckets they touch, with
 * the load inside the write's per-order lock (see OrderIngestion.ingestLatest): two
 * overlapping ingests of one order then write in the order they loaded, so the last write
 * is always of the latest load. No compensation: the write is an idempotent upsert of what
 * Medusa holds, so a retry or a later event converges anyway.
 */
export const writeOrderFactsStep = createStep(
  "order-rhythm-write-order-facts",
  async ({ order_ids }: LoadOrdersInput, { container }) => {
    const rhythm = container.resolve<OrderRhythmModuleService>(ORDER_RHYTHM_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const result = await rhythm.ingestion.ingestLatest(order_ids, async (ids) => {
      const orders = await loadOrders(query, ids)
      const facts = orders.filter((order) => !isDraft(order)).map(deriveOrderFacts)
      // The tickers need nothing the write adds: screens see the orders before it ends.
      await rhythm.live.showNewOrders(facts)
      return facts
    })
    // After the commit above: the screens recount from what is now stored.
    await rhythm.live.recountChannels(result.facts.map((fact) => fact.order.sales_channel_id))
    // Cheap and after the commit: a failed forecast update must not fail the ingest (the hourly
    // day-close job and the nightly refit catch up).
    await rhythm.forecasts
      .factsChanged(result.facts.flatMap((fact) => variantDayKeysOf(fact, rhythm.options.timezone)))
      .catch((error) => container.resolve("logger").error(`order-rhythm: forecast update failed: ${error?.stack ?? error}`))
    return new StepResponse({ written: result.facts.map((fact) => fact.order.order_id), buckets: result.buckets })
  }
)
