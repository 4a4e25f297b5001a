import { randomUUID } from "node:crypto"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ORDER_RHYTHM_MODULE } from "../../modules/order-rhythm"
import type OrderRhythmModuleService from "../../modules/order-rhythm/service"
import { RECONCILE_PROGRESS_KEYS, type ReconcileCursor, type ReconcileProgress } from "../../lib/reconciliation"
import { tradingWithin } from "../batch/ingest-orders-soon"
import { reconcileOrdersBatchWorkflow, reconcileStockBatchWorkflow } from "./reconcile-batch"
import { batchTurns } from "./batch-turns"
import type { AdvanceReconcileCursorInput } from "../steps/advance-reconcile-cursor"

/** A reconciliation gives way to live orders that arrived within this long. */
const TRADING_WINDOW_MS = 30_000
/** While the store trades, a reconciliation rests this many times as long as each batch took... */
const REST_PER_BATCH = 2
/** ...and its batches are this small, so no checkout waits long behind one. */
const TRADING_BATCH = 100

export type ReconcilePassResult = { processed: number; batches: number; cursor: ReconcileCursor | null }
export type ReconcileResult = ReconcilePassResult & { inventory: ReconcilePassResult }

let running: Promise<ReconcileResult> | null = null

/**
 * Reads Medusa's orders, then its stock levels, in (updated_at, id) order from a saved cursor
 * each, and takes in every batch through the same steps as live events, one workflow per batch
 * (./reconcile-batch). On a store with history the first run is the backfill; after it, each run
 * repairs what events missed (orders made by createOrderWorkflow, which emits nothing; changes
 * while the plugin was down). The cursors are saved with every batch, so an interrupted backfill
 * resumes where it stopped. One run at a time per process.
 */
export function reconcileOrders(
  container: MedusaContainer,
  options: { batchSize?: number; fromScratch?: boolean } = {}
): Promise<ReconcileResult> {
  running ??= (async () => {
    const orders = await reconcilePass(container, {
      entity: "order",
      what: "orders",
      cursorKey: "reconcile_cursor",
      progressKey: RECONCILE_PROGRESS_KEYS.orders,
      ...options,
      ingest: (ids, cursor) => reconcileOrdersBatchWorkflow(container).run({ input: { order_ids: ids, cursor } }),
    })
    const inventory = await reconcilePass(container, {
      entity: "inventory_level",
      what: "stock levels",
      cursorKey: "reconcile_inventory_cursor",
      progressKey: RECONCILE_PROGRESS_KEYS.stockLevels,
      ...options,
      itemField: "inventory_item_id",
      ingest: (ids, cursor) => reconcileStockBatchWorkflow(container).run({ input: { inventory_item_ids: ids, cursor } }),
    })
    return { ...orders, inventory }
  })().finally(() => {
    running = null
  })
  return running
}

/** One entity's pass: its records changed since the cursor, batch by batch. */
async function reconcilePass(
  container: MedusaContainer,
  options: {
    entity: string
    what: string
    cursorKey: string
    progressKey: string
    batchSize?: number
    fromScratch?: boolean
    /** The field to hand to `ingest` instead of the record's id. */
    itemField?: string
    /** Takes in one batch and saves its cursor (a workflow). */
    ingest: (ids: string[], cursor: AdvanceReconcileCursorInput) => Promise<unknown>
  }
): Promise<ReconcilePassResult> {
  const { entity, what, cursorKey, progressKey, batchSize = 500, fromScratch = false, itemField } = options
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const rhythm = container.resolve<OrderRhythmModuleService>(ORDER_RHYTHM_MODULE)
  let cursor = fromScratch ? null : await rhythm.state.get<ReconcileCursor>(cursorKey)
  const runId = randomUUID()
  const total = await countAfter(query, entity, cursor)
  const started = Date.now()
  let processed = 0
  let batches = 0
  const progress: ReconcileProgress = {
    what,
    running: true,
    processed: 0,
    total,
    started_at: new Date(started).toISOString(),
    updated_at: new Date(started).toISOString(),
    finished_at: null,
    error: null,
  }
  const saveProgress = (change: Partial<ReconcileProgress>) => {
    Object.assign(progress, change, { processed, updated_at: new Date().toISOString() })
    return rhythm.state.set(progressKey, progress)
  }
  await saveProgress({})
  try {
    // Two batches in flight: while one is written and recounted (PostgreSQL's work), the next is
    // loaded through Query and derived (this process's work), so a backfill keeps both of a
    // machine's cores busy. The batches' transactions meet only on the recount locks, which they
    // take in the same order; cursors are saved in batch order, each once its batch is in.
    // But while the store trades (order events in this process lately), history gives way to the
    // shop: one small batch at a time, then a rest twice as long, so checkouts keep two thirds of it.
    let previous: Promise<void> = Promise.resolve()
    let pageCursor = cursor
    let sent = 0
    while (true) {
      const trading = tradingWithin(TRADING_WINDOW_MS)
      const take = trading ? Math.min(batchSize, TRADING_BATCH) : batchSize
      const { data } = await query.graph({
        entity,
        fields: ["id", "updated_at", ...(itemField ? [itemField] : [])],
        filters: afterCursor(pageCursor) as any,
        pagination: { take, skip: 0, order: { updated_at: "ASC", id: "ASC" } },
      })
      const page = data as Array<Record<string, any>>
      if (!page.length) {
        break
      }
      const last = page[page.length - 1]
      const reached: ReconcileCursor = { updated_at: new Date(last.updated_at).toISOString(), id: last.id }
      pageCursor = reached
      const batchStarted = Date.now()
      const ids = [...new Set(page.map((row) => (itemField ? row[itemField] : row.id) as string))]
      const ingesting = options.ingest(ids, { key: cursorKey, cursor: reached, run_id: runId, batch: sent++ })
      // A failed batch ends the run's turns: the batch behind it must not wait for its cursor forever.
      ingesting.catch((error) => batchTurns.end(runId, error))
      const current = Promise.all([ingesting, previous]).then(async () => {
        cursor = reached
        processed += page.length
        batches += 1
        await saveProgress({})
        if (total > batchSize) {
          const rate = processed / Math.max((Date.now() - started) / 1000, 0.001)
          logger.info(
            `order-rhythm: reconciled ${processed} / ${total} ${what} (${((processed / total) * 100).toFixed(1)}%, ${rate.toFixed(0)}/s)`
          )
        }
      })
      // Awaited below or at the next turn; until then a failure must not count as unhandled.
      current.catch(() => {})
      try {
        await previous
      } catch (error) {
        // Stop with the batch under way finished, not still writing behind the error.
        await ingesting.catch(() => {})
        throw error
      }
      previous = current
      if (page.length < take) {
        break
      }
      if (trading) {
        await current
        await new Promise((resolve) => setTimeout(resolve, (Date.now() - batchStarted) * REST_PER_BATCH))
      }
    }
    await previous
  } catch (error) {
    // Told as it is: the operator sees the run failed, and the next one resumes at the saved cursor.
    await saveProgress({ running: false, error: String((error as Error)?.message ?? error) }).catch(() => {})
    throw error
  } finally {
    batchTurns.end(runId)
  }
  await saveProgress({ running: false, finished_at: new Date().toISOString() })
  return { processed, batches, cursor }
}

function afterCursor(cursor: ReconcileCursor | null) {
  if (!cursor) {
    return {}
  }
  return {
    $or: [{ updated_at: { $gt: cursor.updated_at } }, { updated_at: cursor.updated_at, id: { $gt: cursor.id } }],
  }
}

async function countAfter(query: any, entity: string, cursor: ReconcileCursor | null): Promise<number> {
  const { metadata } = await query.graph({
    entity,
    fields: ["id"],
    filters: afterCursor(cursor),
    pagination: { take: 1, skip: 0 },
  })
  return metadata?.count ?? 0
}
