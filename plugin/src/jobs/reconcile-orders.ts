import type { MedusaContainer } from "@medusajs/framework/types"
import { ORDER_RHYTHM_MODULE } from "../modules/order-rhythm"
import type OrderRhythmModuleService from "../modules/order-rhythm/service"
import { reconcileOrders } from "../workflows/reconcile/reconcile-orders"

/** Every few minutes: backfill on a fresh install, then repair whatever events missed. */
export default async function reconcileOrdersJob(container: MedusaContainer) {
  const rhythm = container.resolve<OrderRhythmModuleService>(ORDER_RHYTHM_MODULE)
  if (!rhythm.options.reconcile.scheduled) return
  const logger = container.resolve("logger")
  const result = await reconcileOrders(container)
  if (result.processed) {
    logger.info(`order-rhythm: reconciliation ingested ${result.processed} changed orders`)
  }
}

export const config = {
  name: "order-rhythm-reconcile-orders",
  schedule: "*/5 * * * *",
}
