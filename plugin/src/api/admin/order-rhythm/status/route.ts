import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ORDER_RHYTHM_MODULE } from "../../../../modules/order-rhythm"
import type OrderRhythmModuleService from "../../../../modules/order-rhythm/service"
import { PROGRESS_KEYS } from "../../../../workflows/reconcile-orders"
import { describeWalk, WalkProgress } from "../../../../workflows/reconcile-progress"

/**
 * Whether the plugin is in step with the store: the orders Medusa holds against those the plugin
 * has facts for, the reconciliation walks (a backfill's progress on install, the last repair
 * run), as saved by whichever process walked them, and when the forecasts were last fitted.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const rhythm = req.scope.resolve<OrderRhythmModuleService>(ORDER_RHYTHM_MODULE)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const [orders, stockLevels, inFacts, inMedusa, forecasts] = await Promise.all([
    rhythm.getState<WalkProgress>(PROGRESS_KEYS.orders),
    rhythm.getState<WalkProgress>(PROGRESS_KEYS.stockLevels),
    rhythm.countOrderFacts(),
    query.graph({ entity: "order", fields: ["id"], filters: { is_draft_order: false }, pagination: { take: 1, skip: 0 } }),
    rhythm.readForecastRuns(),
  ])
  const now = Date.now()
  res.json({
    status: {
      at: new Date(now).toISOString(),
      orders: { in_medusa: inMedusa.metadata?.count ?? 0, in_facts: inFacts },
      reconciliation: { orders: describeWalk(orders, now), stock_levels: describeWalk(stockLevels, now) },
      forecasts,
      timezone: rhythm.options.timezone,
    },
  })
}
