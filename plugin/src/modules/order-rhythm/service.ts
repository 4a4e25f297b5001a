import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import { Context, Logger } from "@medusajs/framework/types"
import {
  DisplayToken,
  HourBucket,
  InventorySnapshot,
  OrderFact,
  OrderLineFact,
  PluginState,
  StageFact,
  VariantDay,
  VariantItem,
  ExchangeRate,
  FlowDigest,
} from "./models"
import { parsePluginOptions, PluginOptions } from "../../lib/options"
import type { OrderFacts } from "../../lib/facts"
import { tickerOrderFromFacts } from "../../lib/live"
import { transactionKnex } from "./store/knex"
import { storedVariantDayKeys, upsertVariantItems, writeOrderFacts } from "./store/write-facts"
import { recountVariantDays, VariantDayKey, variantDayKeysOf } from "./store/variant-days"
import { LevelObservation, writeLevelSnapshots } from "./store/write-inventory"
import { recountHourBuckets, relabelHourBuckets } from "./store/hour-buckets"
import { readIntakeTotals } from "./store/read-rhythm"
import { readRhythmInput } from "./store/rhythm-input"
import { ClosedHourCache } from "./store/closed-hours"
import { storeClosedHours } from "./store/read-recent-hours"
import { readState, writeState } from "./store/plugin-state"
import { countOrderFacts } from "./store/fact-counts"
import { forecastRuns } from "./forecast/forecast-store"
import { markHoursStale, placementHour, settleFlowDigests, storedPlacementHours } from "./store/flow-digests"
import { ensureFlowDigests, flowDigestsReady } from "./store/flow-digest-rebuild"
import { lockOrders } from "./store/order-locks"
import { analyzedRows, analyzeGrowingTables, PlannerStatistics } from "./store/planner-statistics"
import {
  ExchangeRateInput,
  readExchangeRates,
  readRateBook,
  readReportingCurrency,
  upsertExchangeRates,
  writeReportingCurrency,
} from "./store/exchange-rates"
import { hashDisplayToken, newDisplayToken, TOKEN_PREFIX } from "./live/display-tokens"
import { DisplayTokenCheck, displayTokenStanding, identifyViewer } from "./live/viewer-identity"
import { readTicker, readTodayTotals } from "./store/read-live"
import { DateTime } from "luxon"
import type { ScreenServer } from "./live/screen-server"
import { LiveSide } from "./live/live-side"
import { isOneShotCommand } from "./live/process-role"
import { EXPECTED_WEEKS, rhythmReport, RhythmInputReader, RhythmParams } from "./figures/rhythm-report"
import { TotalsSpan, WallFigurePart, wallFigureParts } from "./figures/wall-figures"
import { VariantForecasts } from "./forecast/variant-forecasts"
import { forecastScaledCurve, seasonalProfileCurve } from "../../lib/rhythm"
import { inventoryRoom, wallRoom } from "../../lib/live"

const WEEK_MS = 7 * 24 * 3_600_000
/**
 * How long marked cycle-time digests wait to be settled. A settle costs about the same for one
 * order as for many in the same hours (about 20 ms of CPU on a slow 2-core machine: six block levels
 * rewritten), so at a checkout a second it was a fifth of the plugin's cost per order; reads
 * meanwhile take the stale hour raw, so waiting longer changes no figure.
 */
const SETTLE_DELAY_MS = 5000

type InjectedDependencies = {
  logger: Logger
  configModule?: { projectConfig?: { http?: { jwtSecret?: string } } }
}

/**
 * The module's one service: the facts and aggregates it stores (writes in one transaction
 * each), the reads the rhythm, the wall and the admin need, and the live side. The work is
 * done in `store/` (SQL), `figures/` (what a report or a wall room holds) and `live/`
 * (Socket.IO, tokens); the service binds them to Medusa's transactions and options.
 */
export default class OrderRhythmModuleService extends MedusaService({
  OrderFact,
  OrderLineFact,
  StageFact,
  HourBucket,
  PluginState,
  DisplayToken,
  InventorySnapshot,
  VariantItem,
  VariantDay,
  ExchangeRate,
  FlowDigest,
}) {
  protected readonly logger_: Logger
  /** Parsed once here: subscribers and workflows have no other way to read plugin options. */
  readonly options: PluginOptions
  protected readonly liveSide_: LiveSide
  protected readonly configModule_: { projectConfig?: { http?: { jwtSecret?: string } } } | undefined
  protected forecasts_: VariantForecasts | null = null
  /** Once the stored cycle-time digests are complete they stay so (ingests keep them): cached. */
  protected digestsReady_ = false
  protected settleTimer_: ReturnType<typeof setTimeout> | null = null
  /** Analyzes the plugin's tables as they grow (see store/planner-statistics). */
  readonly plannerStatistics: PlannerStatistics
  /** This process's copy of the hours that are over, for the rhythm reads (see store/closed-hours). */
  readonly closedHours: ClosedHourCache

  /** Medusa calls these on start and shutdown; they must return promises and never throw. */
  readonly __hooks = {
    onApplicationStart: async () => {
      if (!isOneShotCommand()) {
        await this.ensureBucketLabels().catch((error) =>
          this.logger_.error(`order-rhythm: could not re-label hour buckets: ${error?.message ?? error}`)
        )
        // In the background: a store with years of history takes a while, and reads go raw until then.
        void this.ensureFlowDigests().catch((error) =>
          this.logger_.error(`order-rhythm: could not build the cycle-time digests: ${error?.stack ?? error}`)
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
    this.configModule_ = container.configModule
    this.options = parsePluginOptions(rawOptions)
    this.liveSide_ = new LiveSide({
      options: this.options,
      logger: this.logger_,
      figures: (room) => this.roomFigures(room),
      identify: (token) => this.identify(token),
    })
    this.closedHours = new ClosedHourCache(storeClosedHours((read) => this.withKnex(read)))
    this.plannerStatistics = new PlannerStatistics(
      () => this.withKnex(analyzeGrowingTables),
      () => this.withKnex(analyzedRows),
      (error: any) => this.logger_.warn(`order-rhythm: could not analyze its tables: ${error?.message ?? error}`)
    )
  }

  /** The live server while it runs (kept under this name for the live benchmark). */
  protected get live_() {
    return this.liveSide_.server
  }

  /** Starts the live side once per process (see LiveSide.start). */
  async startLive(): Promise<ScreenServer | null> {
    return this.liveSide_.start()
  }

  async stopLive(): Promise<void> {
    await this.liveSide_.stop()
  }

  /** Screens connected to this process's wall server; null where it serves none (a worker). */
  async liveScreens(): Promise<number | null> {
    const screens = (await this.liveSide_.server)?.screens
    return screens ? (await screens.stats()).sockets : null
  }

  /** The port the wall display answers on, once started (tests use port 0). */
  async livePort(): Promise<number | null> {
    return this.liveSide_.port()
  }

  /** Shows freshly loaded orders on the walls' tickers while their facts are written. */
  async ordersSeen(facts: OrderFacts[]) {
    await this.liveSide_.ordersSeen(facts.map(tickerOrderFromFacts))
  }

  /** Tells the screens that these channels' orders changed; the hub recounts and streams. */
  async ordersChanged(channels: Array<string | null>) {
    await this.liveSide_.ordersChanged(channels)
  }

  /** Every watched room recounts: the reporting currency or its rates changed. */
  async figuresChanged() {
    await this.liveSide_.everythingChanged()
  }

  /** The figures of one room, as the live protocol names them, in parts (see live/live-hub RoomFigures). */
  roomFigures(room: string): WallFigurePart[] {
    if (room === "wall") return this.wallFigureParts(undefined)
    if (room.startsWith("wall:channel:")) return this.wallFigureParts(room.slice("wall:channel:".length))
    // The rest of the inventory figures arrive with the inventory issue.
    if (room === "inventory") return [async () => ({ forecast: { tracking: await this.forecasts.tracking() } })]
    if (room.startsWith("inventory:location:")) {
      const location = room.slice("inventory:location:".length)
      return [async () => ({ forecast: { tracking: await this.forecasts.tracking(location) } })]
    }
    return []
  }

  /** A handshake token: a display token (ordt_...) or a Medusa admin JWT. */
  async identify(token: string) {
    return identifyViewer(token, {
      checkDisplayToken: (displayToken) => this.checkDisplayToken(displayToken),
      jwtSecret: this.configModule_?.projectConfig?.http?.jwtSecret,
    })
  }

  /** Revokes a display token and cuts its open screens at once. */
  async revokeDisplayToken(id: string) {
    const [updated] = await this.updateDisplayTokens([{ id, revoked_at: new Date() }])
    await this.liveSide_.disconnectToken(id)
    return updated
  }

  /**
   * Writes orders' facts and recounts the hour buckets they touch, in one transaction:
   * a reader never sees facts without their counts.
   */
  @InjectTransactionManager()
  async ingestFacts(facts: OrderFacts[], @MedusaContext() sharedContext: Context = {}) {
    const knex = transactionKnex(sharedContext)
    const timezone = this.options.timezone
    const orderIds = facts.map((fact) => fact.order.order_id)
    const staleDays = orderIds.length ? await storedVariantDayKeys(knex, orderIds, timezone) : []
    const staleHours = await storedPlacementHours(knex, orderIds)
    const touched = await writeOrderFacts(knex, facts)
    const buckets = await recountHourBuckets(knex, touched, timezone)
    const days = await recountVariantDays(knex, [...staleDays, ...facts.flatMap((fact) => variantDayKeysOf(fact, timezone))], timezone)
    const digests = await markHoursStale(knex, [...staleHours, ...facts.map((fact) => placementHour(fact.order.placed_at))])
    if (digests) this.settleDigestsSoon()
    this.plannerStatistics.wrote(facts.reduce((rows, fact) => rows + 1 + fact.lines.length + fact.stages.length, 0))
    return { orders: facts.length, buckets, days }
  }

  /**
   * Locks the orders, then has `derive` load them from Medusa and derive their facts, then
   * writes them, all in one transaction: concurrent ingests of an order converge on
   * Medusa's latest state (see store/order-locks).
   */
  @InjectTransactionManager()
  async ingestLatest(
    orderIds: string[],
    derive: (orderIds: string[]) => Promise<OrderFacts[]>,
    @MedusaContext() sharedContext: Context = {}
  ) {
    await lockOrders(transactionKnex(sharedContext), orderIds)
    const facts = await derive(orderIds)
    const result = await this.ingestFacts(facts, sharedContext)
    return { ...result, facts }
  }

  /**
   * Records the stock levels Medusa holds now (a snapshot per change) and what each
   * inventory item belongs to, then recounts the stock of the variant-days they touch.
   */
  @InjectTransactionManager()
  async ingestInventory(
    levels: LevelObservation[],
    variantItems: Array<{ variant_id: string; inventory_item_id: string; required_quantity: number }>,
    @MedusaContext() sharedContext: Context = {}
  ) {
    const knex = transactionKnex(sharedContext)
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
  }

  /** What a rhythm report reads (see store/rhythm-input); the cohort from the digests once they are complete. */
  @InjectManager()
  async readRhythmInput(filter: Parameters<RhythmInputReader>[0], @MedusaContext() sharedContext: Context = {}) {
    const knex = transactionKnex(sharedContext)
    this.digestsReady_ ||= await flowDigestsReady(knex, this.options.slaHours)
    return readRhythmInput(knex, filter, { ...this.options, digested: this.digestsReady_, closedHours: this.closedHours })
  }

  /**
   * Recounts the digests of the hours ingests marked stale, and the blocks above them, a few
   * seconds after the first of them (at most once per SETTLE_DELAY_MS during a burst): an ingest
   * then pays for a few marks only, and reads stay right meanwhile (see store/flow-digests).
   */
  settleDigestsSoon() {
    if (this.settleTimer_) return
    this.settleTimer_ = setTimeout(() => {
      void this.inTransaction((knex) => settleFlowDigests(knex, this.options.slaHours))
        .catch((error) => {
          this.logger_.error(`order-rhythm: could not settle the cycle-time digests: ${error?.message ?? error}`)
          return 0
        })
        .then((settled) => {
          this.settleTimer_ = null
          // Ingests that committed while this one ran marked blocks it did not see: once more.
          if (settled > 0) this.settleDigestsSoon()
        })
    }, SETTLE_DELAY_MS)
    this.settleTimer_.unref?.()
  }

  /** Builds the stored cycle-time digests when they are missing or stale (see store/flow-digest-rebuild). */
  async ensureFlowDigests() {
    const outcome = await ensureFlowDigests({ read: (fn) => this.withKnex(fn), write: (fn) => this.inTransaction(fn) }, this.options.slaHours, this.logger_)
    this.digestsReady_ = true
    return outcome
  }

  /** The rhythm of a window as the REST API and the wall read it (see figures/rhythm-report). */
  async rhythm(params: RhythmParams) {
    return rhythmReport(this.options, (filter) => this.readRhythmInput(filter), params, (input) =>
      this.forecastCurve(input, params)
    )
  }

  /**
   * Today's expected intake from the demand forecasts, when there are any. Forecasts are per
   * variant and location, not per channel: a channel's view keeps the seasonal profile.
   */
  protected async forecastCurve(
    input: { buckets: Parameters<typeof seasonalProfileCurve>[0]; coverageStartUtc?: string | null },
    params: { nowUtc: string; channels?: string[] }
  ) {
    if (params.channels?.length) return undefined
    const today = DateTime.fromISO(params.nowUtc, { zone: this.options.timezone }).toISODate()!
    const units = await this.forecasts.unitsByDay([today])
    if (units[today] === undefined) return undefined
    const shape = seasonalProfileCurve(input.buckets, { weeks: EXPECTED_WEEKS, coverageStartUtc: input.coverageStartUtc ?? undefined })
    const intake = await this.readIntake({ fromUtc: new Date(Date.parse(params.nowUtc) - EXPECTED_WEEKS * WEEK_MS).toISOString(), toUtc: params.nowUtc })
    return forecastScaledCurve(shape, units, intake.units > 0 ? intake.orders / intake.units : null)
  }

  /** Orders and units placed over a window, all channels (the forecast curve's orders per unit). */
  @InjectManager()
  async readIntake(window: { fromUtc: string; toUtc: string }, @MedusaContext() sharedContext: Context = {}) {
    return readIntakeTotals(transactionKnex(sharedContext), window)
  }

  /** Demand forecasts per variant x location: fits, the fold of closed days, tracking (./forecast). */
  get forecasts(): VariantForecasts {
    this.forecasts_ ??= new VariantForecasts(
      { read: (fn) => this.withKnex(fn), write: (fn) => this.inTransaction(fn) },
      this.options,
      this.logger_,
      (locations) => this.forecastsChanged(locations)
    )
    return this.forecasts_
  }

  /** Forecasts moved: the inventory rooms recount their tracking, the wall its expected curve. */
  async forecastsChanged(locations: string[]) {
    await this.liveSide_.roomsChanged([wallRoom(), inventoryRoom(), ...new Set(locations.filter(Boolean).map((l) => inventoryRoom(l)))])
  }

  /** Runs `fn` with this module's connection; for work that lives outside the service. */
  @InjectManager()
  async withKnex<T>(fn: (knex: any) => Promise<T>, @MedusaContext() sharedContext: Context = {}): Promise<T> {
    return fn(transactionKnex(sharedContext))
  }

  /** Runs `fn` in one transaction of this module. */
  @InjectTransactionManager()
  async inTransaction<T>(fn: (knex: any) => Promise<T>, @MedusaContext() sharedContext: Context = {}): Promise<T> {
    return fn(transactionKnex(sharedContext))
  }

  /** Makes a display token; the plain token is returned this once and never stored. */
  async issueDisplayToken(input: { name: string; scopes: string[]; expires_at?: Date | null; created_by?: string | null }) {
    const token = newDisplayToken()
    const record = await this.createDisplayTokens({
      name: input.name,
      scopes: input.scopes as unknown as Record<string, unknown>,
      token_hash: hashDisplayToken(token),
      token_prefix: token.slice(0, TOKEN_PREFIX.length + 6),
      expires_at: input.expires_at ?? null,
      created_by: input.created_by ?? null,
    })
    return { token, record }
  }

  /** The token's record when it may open a screen now, or why it may not. */
  async checkDisplayToken(token: string): Promise<DisplayTokenCheck> {
    const [record] = await this.listDisplayTokens({ token_hash: hashDisplayToken(token) })
    return displayTokenStanding(record)
  }

  /** Everything a wall room shows, in parts (see figures/wall-figures). */
  wallFigureParts(channel: string | undefined, now = () => new Date()): WallFigurePart[] {
    return wallFigureParts(
      {
        timezone: this.options.timezone,
        readTickerOrders: (ch) => this.readTickerOrders(ch),
        readTotals: (ch, span) => this.readTotals(ch, span),
        rhythm: (params) => this.rhythm(params),
        readRateBook: () => this.readRateBook(),
      },
      channel,
      now
    )
  }

  @InjectManager()
  async readTickerOrders(channel: string | undefined, @MedusaContext() sharedContext: Context = {}) {
    return readTicker(transactionKnex(sharedContext), channel)
  }

  @InjectManager()
  async readTotals(channel: string | undefined, span: TotalsSpan, @MedusaContext() sharedContext: Context = {}) {
    return readTodayTotals(transactionKnex(sharedContext), channel, span)
  }

  /** The reporting currency and the rates quoted in it; null when figures stay per currency. */
  @InjectManager()
  async readRateBook(@MedusaContext() sharedContext: Context = {}) {
    return readRateBook(transactionKnex(sharedContext))
  }

  /** The reporting currency (null: none) and the rates entered against it. */
  @InjectManager()
  async reportingRates(@MedusaContext() sharedContext: Context = {}) {
    const knex = transactionKnex(sharedContext)
    const reportingCurrency = await readReportingCurrency(knex)
    return { reportingCurrency, rates: reportingCurrency ? await readExchangeRates(knex, reportingCurrency) : [] }
  }

  /** Sets (or with null clears) the reporting currency; rates entered against another one stay stored but unused. */
  @InjectTransactionManager()
  async setReportingCurrency(currency: string | null, @MedusaContext() sharedContext: Context = {}) {
    await writeReportingCurrency(transactionKnex(sharedContext), currency)
  }

  /** Enters rates against the current reporting currency; throws when none is set. */
  @InjectTransactionManager()
  async enterExchangeRates(rates: ExchangeRateInput[], createdBy: string | null, @MedusaContext() sharedContext: Context = {}) {
    const knex = transactionKnex(sharedContext)
    const reportingCurrency = await readReportingCurrency(knex)
    if (!reportingCurrency) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "reporting_currency: set a reporting currency before entering rates")
    }
    await upsertExchangeRates(knex, reportingCurrency, rates, createdBy)
    return reportingCurrency
  }

  /** How many series hold a forecast, and when the last refit and selection ran. */
  @InjectManager()
  async readForecastRuns(@MedusaContext() sharedContext: Context = {}) {
    return forecastRuns(transactionKnex(sharedContext))
  }

  /** How many orders the plugin holds facts for. */
  @InjectManager()
  async countOrderFacts(@MedusaContext() sharedContext: Context = {}): Promise<number> {
    return countOrderFacts(transactionKnex(sharedContext))
  }

  /** A value the plugin keeps between runs (cursor, label zone); null when never set. */
  @InjectManager()
  async getState<T>(key: string, @MedusaContext() sharedContext: Context = {}): Promise<T | null> {
    return readState<T>(transactionKnex(sharedContext), key)
  }

  @InjectTransactionManager()
  async setState(key: string, value: unknown, @MedusaContext() sharedContext: Context = {}) {
    await writeState(transactionKnex(sharedContext), key, value)
  }

  /**
   * Re-labels the hour buckets when the store's zone differs from the one they were
   * labelled in (the operator changed the option).
   */
  @InjectTransactionManager()
  async ensureBucketLabels(@MedusaContext() sharedContext: Context = {}): Promise<number> {
    const knex = transactionKnex(sharedContext)
    const labelled = await readState<{ timezone?: string }>(knex, "label_timezone")
    if (labelled?.timezone === this.options.timezone) {
      return 0
    }
    const relabelled = await relabelHourBuckets(knex, this.options.timezone)
    await writeState(knex, "label_timezone", { timezone: this.options.timezone })
    return relabelled
  }
}
