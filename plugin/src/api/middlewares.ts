import { defineMiddlewares, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { GetRhythmQuery } from "./admin/order-rhythm/rhythm/validators"
import { PostReconcileBody } from "./admin/order-rhythm/reconcile/validators"
import { PostDisplayTokenBody } from "./admin/order-rhythm/display-tokens/validators"
import { PostExchangeRatesBody } from "./admin/order-rhythm/exchange-rates/validators"
import { PostReportingCurrencyBody } from "./admin/order-rhythm/reporting-currency/validators"
import { GetForecastsQuery, PostRecomputeForecastsBody } from "./admin/order-rhythm/forecasts/validators"

export default defineMiddlewares({
  routes: [
    {
      matcher: "/admin/order-rhythm/rhythm",
      method: "GET",
      middlewares: [validateAndTransformQuery(GetRhythmQuery, {})],
    },
    {
      matcher: "/admin/order-rhythm/reconcile",
      method: "POST",
      middlewares: [validateAndTransformBody(PostReconcileBody)],
    },
    {
      matcher: "/admin/order-rhythm/display-tokens",
      method: "POST",
      middlewares: [validateAndTransformBody(PostDisplayTokenBody)],
    },
    {
      matcher: "/admin/order-rhythm/exchange-rates",
      method: "POST",
      middlewares: [validateAndTransformBody(PostExchangeRatesBody)],
    },
    {
      matcher: "/admin/order-rhythm/reporting-currency",
      method: "POST",
      middlewares: [validateAndTransformBody(PostReportingCurrencyBody)],
    },
    {
      matcher: "/admin/order-rhythm/forecasts",
      method: "GET",
      middlewares: [validateAndTransformQuery(GetForecastsQuery, {})],
    },
    {
      matcher: "/admin/order-rhythm/forecasts/recompute",
      method: "POST",
      middlewares: [validateAndTransformBody(PostRecomputeForecastsBody)],
    },
  ],
})
