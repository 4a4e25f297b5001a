import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ORDER_RHYTHM_MODULE } from "../../../../modules/order-rhythm"
import type OrderRhythmModuleService from "../../../../modules/order-rhythm/service"
import { assertKnownVariants } from "./known-variants"
import type { GetForecastsQueryType } from "./validators"

/**
 * A variant's demand forecast per stock location: per day with quantiles, the model and its
 * backtest accuracy, lead-time demand at the service level, and forecast against actual. A known
 * variant without a forecast yet (no history, or never recomputed) gets an empty list.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, GetForecastsQueryType>, res: MedusaResponse) {
  const query = req.validatedQuery as GetForecastsQueryType
  await assertKnownVariants(req, [query.variant_id])
  const rhythm = req.scope.resolve<OrderRhythmModuleService>(ORDER_RHYTHM_MODULE)
  const forecasts = await rhythm.forecasts.forVariant({ variantId: query.variant_id, locationId: query.location_id, horizon: query.horizon })
  res.json({
    timezone: rhythm.options.timezone,
    service_level: rhythm.options.serviceLevel,
    lead_time_days: rhythm.options.leadTimeDays,
    review_period_days: rhythm.options.reviewPeriodDays,
    forecasts,
  })
}
