import type { MedusaContainer } from "@medusajs/framework/types"
import { foldClosedDaysWorkflow } from "../workflows/forecasts/fold-closed-days"

/**
 * Hourly: once a local day has closed, every forecast folds it in (one O(1) update per variant,
 * no refit) and the day's forecasts are scored against what was demanded. Between runs an order
 * does the same for its own variants.
 */
export default async function forecastDayCloseJob(container: MedusaContainer) {
  const logger = container.resolve("logger")
  try {
    const { result } = await foldClosedDaysWorkflow(container).run()
    if (result.days) logger.info(`order-rhythm: folded ${result.days} closed days into ${result.variants} forecasts`)
  } catch (error) {
    logger.error(`order-rhythm: folding closed days into the forecasts failed: ${(error as Error)?.stack ?? error}`)
  }
}

export const config = {
  name: "order-rhythm-forecast-day-close",
  schedule: "2 * * * *",
}
