import type { Logger } from "@medusajs/framework/types"
import { DateTime } from "luxon"
import type { OrderFacts } from "../../../lib/facts"
import type { PluginOptions } from "../../../lib/options"
import type { ModuleDb } from "../module-db"
import type { Knex } from "../store/knex"
import { storedVariantDayKeys, upsertVariantItems, writeOrderFacts } from "../store/write-facts"
import { recountVariantDays, VariantDayKey, variantDayKeysOf } from "../store/variant-days"
import { LevelObservation, writeLevelSnapshots } from "../store/write-inventory"
import { recountHourBuckets, relabelHourBuckets } from "../store/hour-buckets"
import { markHoursStale, placementHour, refreshStaleDigests, storedPlacementHours } from "../store/flow-digests"
import { ensureFlowDigests } from "../store/flow-digest-rebuild"
import { lockOrders } from "../store/order-locks"
import { analyzedRows, analyzeGrowingTables, PlannerStatistics } from "../store/planner-statistics"
import { readState, writeState } from "../store/plugin-state"

/**
 * How long stale cycle-time digests wait to be recounted. A recount costs about the same for
 * one order as for many in the same hours (six block levels rewritten), so at a checkout a
 * second it was a fifth of the plugin's cost per order; reads meanwhile take the stale hour raw,
 * so waiting longer changes no figure.
 */
const DIGEST_REFRESH_DELAY_MS = 5000

export type VariantItemLink = { variant_id: string; inventory_item_id: string; required_quantity: number }

/**
 * What Medusa's orders and stock become in the plugin's tables: facts, and the aggregates
 * counted from them (hour buckets, variant days, cycle-time digests), each write in one
 * transaction so a reader never sees facts without their counts.
 */
export class OrderIngestion {
  /** Analyzes the plugin's tables as they grow (see store/planner-statistics). */
  readonly plannerStatistics: PlannerStatistics
  private digestRefresh: ReturnType<typeof setTimeout> | null = null

  constructor(
    private readonly db: ModuleDb,
    private readonly options: PluginOptions,
    private readonly logger: Logger
  ) {
    this.plannerStatistics = new PlannerStatistics(
      () => db.read(analyzeGrowingTables),
      () => db.read(analyzedRows),
      (error: any) => logger.warn(`order-rhythm: could not analyze its tables: ${error?.message ?? error}`)
    )
  }

  /** Writes orders' facts and recounts the aggregates they touch, in one transaction. */
  ingestFacts(facts: OrderFacts[]) {
    return this.db.write((knex) => this.writeFacts(knex, facts))
  }

  /**
   * Locks the orders, then has `derive` load them from Medusa and derive their facts, then
   * writes them, all in one transaction: concurrent ingests of an order converge on
   * Medusa's latest state (see store/order-locks).
   */
  ingestLatest(orderIds: string[], derive: (orderIds: string[]) => Promise<OrderFacts[]>) {
    return this.db.write(async (knex) => {
      await lockOrders(knex, orderIds)
      const facts = await derive(orderIds)
      return { ...(await this.writeFacts(knex, facts)), facts }
    })
  }

  private async writeFacts(knex: Knex, facts: OrderFacts[]) {
    const timezone = this.options.timezone
    const orderIds = facts.map((fact) => fact.order.order_id)
    const staleDays = orderIds.length ? await storedVariantDayKeys(knex, orderIds, timezone) : []
    const staleHours = await storedPlacementHours(knex, orderIds)
    const touched = await writeOrderFacts(knex, facts)
    const buckets = await recountHourBuckets(knex, touched, timezone)
    const days = await recountVariantDays(knex, [...staleDays, ...facts.flatMap((fact) => variantDayKeysOf(fact, timezone))], timezone)
    const digests = await markHoursStale(knex, [...staleHours, ...facts.map((fact) => placementHour(fact.order.placed_at))])
    if (digests) this.refreshDigestsSoon()
    this.plannerStatistics.wrote(facts.reduce((rows, fact) => rows + 1 + fact.lines.length + fact.stages.length, 0))
    return { orders: facts.length, buckets, days }
  }

  /**
   * Records the stock levels Medusa holds now (a snapshot per change) and what each
   * inventory item belongs to, then recounts the stock of the variant-days they touch.
   */
  ingestInventory(levels: LevelObservation[], variantItems: VariantItemLink[]) {
    return this.db.write(async (knex) => {
      const timezone = this.options.timezone
      await upsertVariantItems(knex, variantItems)
      const changed = await writeLevelSnapshots(knex, levels)
      const today = DateTime.now().setZone(timezone).toISODate()!
      const keys: VariantDayKey[] = []
      for (const level of changed) {
        const day = DateTime.fromJSDate(new Date(level.observed_at), { zone: timezone }).toISODate()!
        for (const link of variantItems.filter((row) => row.inventory_item_id === level.inventory_item_id)) {
          for (const local_date of new Set([day, today])) {
            keys.push({ local_date, variant_id: link.variant_id, location_id: level.location_id })
          }
        }
      }
      const days = await recountVariantDays(knex, keys, timezone)
      this.plannerStatistics.wrote(changed.length)
      return { snapshots: changed.length, days }
    })
  }

  /**
   * Recounts the digests of the hours ingests marked stale, and the blocks above them, a few
   * seconds after the first of them (at most once per DIGEST_REFRESH_DELAY_MS during a burst):
   * an ingest then pays for a few marks only, and reads stay right meanwhile (see store/flow-digests).
   */
  refreshDigestsSoon() {
    if (this.digestRefresh) return
    this.digestRefresh = setTimeout(() => {
      void this.db
        .write((knex) => refreshStaleDigests(knex, this.options.slaHours))
        .catch((error) => {
          this.logger.error(`order-rhythm: could not recount the cycle-time digests: ${error?.message ?? error}`)
          return 0
        })
        .then((refreshed) => {
          this.digestRefresh = null
          // Ingests that committed while this one ran marked blocks it did not see: once more.
          if (refreshed > 0) this.refreshDigestsSoon()
        })
    }, DIGEST_REFRESH_DELAY_MS)
    this.digestRefresh.unref?.()
  }

  /** Builds the stored cycle-time digests when they are missing or stale (see store/flow-digest-rebuild). */
  ensureFlowDigests() {
    return ensureFlowDigests(this.db, this.options.slaHours, this.logger)
  }

  /**
   * Re-labels the hour buckets when the store's zone differs from the one they were
   * labelled in (the operator changed the option).
   */
  ensureBucketLabels(): Promise<number> {
    return this.db.write(async (knex) => {
      const labelled = await readState<{ timezone?: string }>(knex, "label_timezone")
      if (labelled?.timezone === this.options.timezone) {
        return 0
      }
      const relabelled = await relabelHourBuckets(knex, this.options.timezone)
      await writeState(knex, "label_timezone", { timezone: this.options.timezone })
      return relabelled
    })
  }
}
