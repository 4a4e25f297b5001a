import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ORDER_RHYTHM_MODULE } from "../modules/order-rhythm"
import type OrderRhythmModuleService from "../modules/order-rhythm/service"
import { ingestOrdersWorkflow } from "./ingest-orders"

export type ReconcileCursor = { updated_at: string; id: string }
export type ReconcileResult = { processed: number; batches: number; cursor: ReconcileCursor | null }

const CURSOR_KEY = "reconcile_cursor"
let running: Promise<ReconcileResult> | null = null

/**
 * Walks Medusa's orders by an (updated_at, id) cursor and ingests each batch through
 * the same workflow as live events. On a store with history the first walk is the
 * backfill; after it, each run repairs what events missed (orders made by
 * createOrderWorkflow, which emits nothing; changes while the plugin was down). The
 * cursor is saved after every batch, so an interrupted backfill resumes where it stopped.
 */
export function reconcileOrders(
  container: MedusaContainer,
  options: { batchSize?: number; fromScratch?: boolean } = {}
): Promise<ReconcileResult> {
  running ??= walk(container, options).finally(() => {
    running = null
  })
  return running
}

async function walk(container: MedusaContainer, { batchSize = 500, fromScratch = false }): Promise<ReconcileResult> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const rhythm = container.resolve<OrderRhythmModuleService>(ORDER_RHYTHM_MODULE)
  let cursor = fromScratch ? null : await rhythm.getState<ReconcileCursor>(CURSOR_KEY)
  const total = await countAfter(query, cursor)
  const started = Date.now()
  let processed = 0
  let batches = 0
  while (true) {
    const { data } = await query.graph({
      entity: "order",
      fields: ["id", "updated_at"],
      filters: afterCursor(cursor) as any,
      pagination: { take: batchSize, skip: 0, order: { updated_at: "ASC", id: "ASC" } },
    })
    const page = data as Array<{ id: string; updated_at: string | Date }>
    if (!page.length) {
      break
    }
    await ingestOrdersWorkflow(container).run({ input: { order_ids: page.map((order) => order.id) } })
    const last = page[page.length - 1]
    cursor = { updated_at: new Date(last.updated_at).toISOString(), id: last.id }
    await rhythm.setState(CURSOR_KEY, cursor)
    processed += page.length
    batches += 1
    if (total > batchSize) {
      const rate = processed / Math.max((Date.now() - started) / 1000, 0.001)
      logger.info(
        `order-rhythm: reconciled ${processed} / ${total} orders (${((processed / total) * 100).toFixed(1)}%, ${rate.toFixed(0)} orders/s)`
      )
    }
    if (page.length < batchSize) {
      break
    }
  }
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

async function countAfter(query: any, cursor: ReconcileCursor | null): Promise<number> {
  const { metadata } = await query.graph({
    entity: "order",
    fields: ["id"],
    filters: afterCursor(cursor),
    pagination: { take: 1, skip: 0 },
  })
  return metadata?.count ?? 0
}
