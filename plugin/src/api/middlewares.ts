import { defineMiddlewares, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { GetRhythmQuery } from "./admin/order-rhythm/rhythm/validators"
import { PostReconcileBody } from "./admin/order-rhythm/reconcile/validators"

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
  ],
})
