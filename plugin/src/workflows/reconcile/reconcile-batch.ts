import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { writeOrderFactsStep } from "../steps/write-order-facts"
import { loadInventoryStep } from "../steps/load-inventory"
import { writeInventoryStep } from "../steps/write-inventory"
import { advanceReconcileCursorStep, type AdvanceReconcileCursorInput } from "../steps/advance-reconcile-cursor"

/**
 * One batch of a reconciliation: the orders through the same step as live events, then the
 * cursor moved past them. A run is a loop of these, one workflow per batch: a workflow's context
 * is kept while it runs, and a backfill of years would keep it for minutes.
 */
export const reconcileOrdersBatchWorkflow = createWorkflow(
  "order-rhythm-reconcile-orders-batch",
  (input: { order_ids: string[]; cursor: AdvanceReconcileCursorInput }) => {
    const written = writeOrderFactsStep({ order_ids: input.order_ids })
    const cursor = advanceReconcileCursorStep(input.cursor)
    return new WorkflowResponse({ written, cursor })
  }
)

/** One batch of stock levels: their items reloaded and snapshotted as events do, then the cursor. */
export const reconcileStockBatchWorkflow = createWorkflow(
  "order-rhythm-reconcile-stock-batch",
  (input: { inventory_item_ids: string[]; cursor: AdvanceReconcileCursorInput }) => {
    const loaded = loadInventoryStep({ inventory_item_ids: input.inventory_item_ids })
    const written = writeInventoryStep(loaded)
    const cursor = advanceReconcileCursorStep(input.cursor)
    return new WorkflowResponse({ written, cursor })
  }
)
