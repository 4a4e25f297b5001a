import type { MedusaContainer } from "@medusajs/framework/types"
import { ORDER_RHYTHM_MODULE } from "../modules/order-rhythm"
import type OrderRhythmModuleService from "../modules/order-rhythm/service"
import { recomputeForecastsWorkflow } from "../workflows/forecasts/recompute-forecasts"

/**
 * Hourly, because cron runs in the process's zone and "nightly" means the store's night: acts
 * only when it is the store's night (plugin option `forecast.nightHour`) and tonight's work is
 * still to do; then the weekly model selection or the nightly refit, in worker threads.
 */
export default async function forecastNightJob(container: MedusaContainer) {
  const logger = container.resolve("logger")
  const rhythm = container.resolve<OrderRhythmModuleService>(ORDER_RHYTHM_MODULE)
  try {
    const now = new Date()
    // Claimed first (compare and set in the state table): two worker processes never fit one night twice.
    const kind = await rhythm.forecasts.claimNight(now)
    if (kind) {
      const { result } = await recomputeForecastsWorkflow(container).run({ input: { kind, now: now.toISOString(), prune_tracking: true } })
      logger.info(
        `order-rhythm: forecast ${result.kind === "select" ? "selection" : "refit"}: ${result.fitted} series in ${result.seconds.toFixed(1)} s` +
          (result.failed ? `, ${result.failed} failed` : "")
      )
    }
  } catch (error) {
    logger.error(`order-rhythm: the nightly forecast run failed: ${(error as Error)?.stack ?? error}`)
  }
}

export const config = {
  name: "order-rhythm-forecast-night",
  schedule: "7 * * * *",
}
