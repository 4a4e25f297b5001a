import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaService,
  generateEntityId,
} from "@medusajs/framework/utils"
import { Context, Logger } from "@medusajs/framework/types"
import { HourBucket, OrderFact, OrderLineFact, PluginState, StageFact } from "./models"
import { parsePluginOptions, PluginOptions } from "../../lib/options"
import type { OrderFacts } from "../../lib/facts"
import { transactionKnex } from "./store/knex"
import { writeOrderFacts } from "./store/write-facts"
import { recountHourBuckets, relabelHourBuckets } from "./store/hour-buckets"
import { readCoverageStart, readHourBuckets, readOrderFlows, RhythmReadFilter } from "./store/read-rhythm"
import { Granularity, rhythmSeries, rhythmSummary } from "../../lib/rhythm"
import { startWallServer, WallServer } from "./live/wall-server"
import { isOneShotCommand, isWorkerOnly } from "./live/process-role"

type InjectedDependencies = {
  logger: Logger
}

const HOUR_MS = 3_600_000
const WEEK_MS = 7 * 24 * HOUR_MS

export default class OrderRhythmModuleService extends MedusaService({
  OrderFact,
  OrderLineFact,
  StageFact,
  HourBucket,
  PluginState,
}) {
  protected readonly logger_: Logger
  /** Parsed once here: subscribers and workflows have no other way to read plugin options. */
  readonly options: PluginOptions
  protected wall_: Promise<WallServer | null> | null = null

  /** Medusa calls these on start and shutdown; they must return promises and never throw. */
  readonly __hooks = {
    onApplicationStart: async () => {
      if (!isOneShotCommand()) {
        await this.ensureBucketLabels().catch((error) =>
          this.logger_.error(`order-rhythm: could not re-label hour buckets: ${error?.message ?? error}`)
        )
      }
      await this.startLive()
    },
    onApplicationShutdown: async () => {
      await this.stopLive()
    },
  }

  constructor(container: InjectedDependencies, rawOptions: unknown) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.logger_ = container.logger
    this.options = parsePluginOptions(rawOptions)
  }

  /** Starts the wall's server once per process, and only in a process that serves HTTP. */
  async startLive(): Promise<WallServer | null> {
    if (!this.options.socket.enabled || isOneShotCommand() || isWorkerOnly()) {
      return null
    }
    this.wall_ ??= startWallServer({
      port: this.options.socket.port,
      host: this.options.socket.host,
      logger: this.logger_,
    }).catch((error) => {
      this.logger_.error(`order-rhythm: the live server failed: ${error?.stack ?? error}`)
      return null
    })
    return this.wall_
  }

  async stopLive(): Promise<void> {
    const wall = await this.wall_
    this.wall_ = null
    await wall?.close()
  }

  /** The port the wall display answers on, once started (tests use port 0). */
  async livePort(): Promise<number | null> {
    return (await this.wall_)?.port ?? null
  }

  /**
   * Writes orders' facts and recounts the hour buckets they touch, in one transaction:
   * a reader never sees facts without their counts.
   */
  @InjectTransactionManager()
  async ingestFacts(facts: OrderFacts[], @MedusaContext() sharedContext: Context = {}) {
    const knex = transactionKnex(sharedContext)
    const touched = await writeOrderFacts(knex, facts)
    const buckets = await recountHourBuckets(knex, touched, this.options.timezone)
    return { orders: facts.length, buckets }
  }

  /** The hour buckets and order flows the rhythm engine needs for a window. */
  @InjectManager()
  async readRhythmInput(
    filter: RhythmReadFilter & { bucketsFromUtc: string; bucketsToUtc: string },
    @MedusaContext() sharedContext: Context = {}
  ) {
    const knex = transactionKnex(sharedContext)
    const [buckets, flows, coverageStartUtc] = await Promise.all([
      readHourBuckets(knex, { fromUtc: filter.bucketsFromUtc, toUtc: filter.bucketsToUtc, channels: filter.channels }),
      readOrderFlows(knex, filter),
      readCoverageStart(knex),
    ])
    return { buckets, flows, coverageStartUtc }
  }

  /**
   * The rhythm of a window as the REST API and the wall read it: the engine's summary
   * plus the per-hour or per-day series. The heat map covers the eight weeks up to the
   * window's end, so each hour-of-week cell averages enough occurrences to show a shape.
   */
  async rhythm(params: {
    nowUtc: string
    fromUtc: string
    toUtc: string
    granularity: Granularity
    channels?: string[]
    locationId?: string
  }) {
    const heatFromUtc = new Date(Date.parse(params.toUtc) - 8 * WEEK_MS).toISOString()
    // The expected curve for today looks back eight weeks from now.
    const bucketsFromUtc = new Date(
      Math.min(Date.parse(params.fromUtc), Date.parse(heatFromUtc), Date.parse(params.nowUtc) - 9 * WEEK_MS)
    ).toISOString()
    const bucketsToUtc = new Date(Math.max(Date.parse(params.toUtc), Date.parse(params.nowUtc) + HOUR_MS)).toISOString()
    const input = await this.readRhythmInput({
      fromUtc: params.fromUtc,
      toUtc: params.toUtc,
      channels: params.channels,
      locationId: params.locationId,
      finalStage: this.options.finalStage,
      bucketsFromUtc,
      bucketsToUtc,
    })
    const window = { fromUtc: params.fromUtc, toUtc: params.toUtc }
    const summary = rhythmSummary({ buckets: input.buckets, flows: input.flows }, params.nowUtc, {
      timezone: this.options.timezone,
      finalStage: this.options.finalStage,
      slaHours: this.options.slaHours,
      window,
      channels: params.channels,
      heatMapWindow: { fromUtc: heatFromUtc, toUtc: params.toUtc },
      coverageStartUtc: input.coverageStartUtc,
    })
    const series = rhythmSeries(input.buckets, window, this.options.timezone, params.granularity, params.channels)
    return { ...summary, granularity: params.granularity, series }
  }

  /** A value the plugin keeps between runs (cursor, label zone); null when never set. */
  @InjectManager()
  async getState<T>(key: string, @MedusaContext() sharedContext: Context = {}): Promise<T | null> {
    const [row] = await transactionKnex(sharedContext)("order_rhythm_state").where({ key }).whereNull("deleted_at")
    return row ? (row.value as T) : null
  }

  @InjectTransactionManager()
  async setState(key: string, value: unknown, @MedusaContext() sharedContext: Context = {}) {
    const knex = transactionKnex(sharedContext)
    await knex("order_rhythm_state")
      .insert({ id: generateEntityId(undefined, "orstate"), key, value: JSON.stringify(value) })
      .onConflict(knex.raw("(key) where deleted_at is null"))
      .merge(["value", "updated_at"])
  }

  /**
   * Re-labels the hour buckets when the store's zone differs from the one they were
   * labelled in (the operator changed the option).
   */
  @InjectTransactionManager()
  async ensureBucketLabels(@MedusaContext() sharedContext: Context = {}): Promise<number> {
    const knex = transactionKnex(sharedContext)
    const [row] = await knex("order_rhythm_state").where({ key: "label_timezone" }).whereNull("deleted_at")
    if (row?.value?.timezone === this.options.timezone) {
      return 0
    }
    const relabelled = await relabelHourBuckets(knex, this.options.timezone)
    await knex("order_rhythm_state")
      .insert({
        id: generateEntityId(undefined, "orstate"),
        key: "label_timezone",
        value: JSON.stringify({ timezone: this.options.timezone }),
      })
      .onConflict(knex.raw("(key) where deleted_at is null"))
      .merge(["value", "updated_at"])
    return relabelled
  }
}
