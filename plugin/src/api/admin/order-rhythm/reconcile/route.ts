import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { reconcileOrders } from "../../../../workflows/reconcile/reconcile-orders"
import type { PostReconcileBodyType } from "./validators"

/**
 * Runs reconciliation now instead of waiting for the job: after an import, or to
 * rebuild from scratch. `wait: false` answers at once and lets it run.
 */
export async function POST(req: AuthenticatedMedusaRequest<PostReconcileBodyType>, res: MedusaResponse) {
  const body = req.validatedBody
  const run = reconcileOrders(req.scope, { fromScratch: body.from_scratch })
  if (!body.wait) {
    run.catch((error) => req.scope.resolve("logger").error(`order-rhythm: reconciliation failed: ${error?.stack ?? error}`))
    res.status(202).json({ reconciliation: { started: true } })
    return
  }
  res.json({ reconciliation: await run })
}
