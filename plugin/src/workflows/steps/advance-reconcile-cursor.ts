import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_RHYTHM_MODULE } from "../../modules/order-rhythm"
import type OrderRhythmModuleService from "../../modules/order-rhythm/service"
import type { ReconcileCursor } from "../../lib/reconciliation"
import { batchTurns } from "../reconcile/batch-turns"

export type AdvanceReconcileCursorInput = {
  /** The state key the cursor lives under. */
  key: string
  cursor: ReconcileCursor
  /** The reconciliation run and this batch's place in it: cursors are saved in that order. */
  run_id: string
  batch: number
}

/**
 * Saves how far a reconciliation has come, once this batch and every batch before it are in:
 * two batches are ingested at once (one loads while the other writes), and a cursor saved
 * ahead of an earlier batch that then failed would skip that batch for good.
 */
export const advanceReconcileCursorStep = createStep(
  "order-rhythm-advance-reconcile-cursor",
  async (input: AdvanceReconcileCursorInput, { container }) => {
    const rhythm = container.resolve<OrderRhythmModuleService>(ORDER_RHYTHM_MODULE)
    await batchTurns.waitForEarlier(input.run_id, input.batch)
    const previous = await rhythm.state.get<ReconcileCursor>(input.key)
    await rhythm.state.set(input.key, input.cursor)
    batchTurns.done(input.run_id, input.batch)
    return new StepResponse(input.cursor, { key: input.key, previous })
  },
  // Put back the cursor this batch replaced: a later step that fails leaves the batch to be read again.
  async (saved, { container }) => {
    if (!saved) return
    const rhythm = container.resolve<OrderRhythmModuleService>(ORDER_RHYTHM_MODULE)
    await rhythm.state.set(saved.key, saved.previous)
  }
)
