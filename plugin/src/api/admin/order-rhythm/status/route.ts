import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ORDER_RHYTHM_MODULE } from "../../../../modules/order-rhythm"
import type OrderRhythmModuleService from "../../../../modules/order-rhythm/service"
import { describeReconciliation, RECONCILE_PROGRESS_KEYS, type ReconcileProgress } from "../../../../lib/reconciliation"

/**
 * Whether the plugin is in step with the store: the orders Medusa holds against those the plugin
 * has facts for, the reconciliations (a backfill's progress on install, the last repair
 * run), as saved by whichever process ran them, and when the forecasts were last fitted.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const rhythm = req.scope.resolve<OrderRhythmModuleService>(ORDER_RHYTHM_MODULE)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const [orders, stockLevels, held, inMedusa] = await Promise.all([
    rhythm.state.get<ReconcileProgress>(RECONCILE_PROGRESS_KEYS.orders),
    rhythm.state.get<ReconcileProgress>(RECONCILE_PROGRESS_KEYS.stockLevels),
    rhythm.status(),
    query.graph({ entity: "order", fields: ["id"], filters: { is_draft_order: false }, pagination: { take: 1, skip: 0 } }),
  ])
  const now = Date.now()
  res.json({
    status: {
      at: new Date(now).toISOString(),
      orders: { in_medusa: inMedusa.metadata?.count ?? 0, in_facts: held.ordersInFacts },
      reconciliation: { orders: describeReconciliation(orders, now), stock_levels: describeReconciliation(stockLevels, now) },
      forecasts: held.forecasts,
      timezone: rhythm.options.timezone,
    },
  })
}
