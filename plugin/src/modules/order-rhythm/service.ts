import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaService,
  generateEntityId,
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
} from "./models"
import { parsePluginOptions, PluginOptions } from "../../lib/options"
import type { OrderFacts } from "../../lib/facts"
import { transactionKnex } from "./store/knex"
import { storedVariantDayKeys, upsertVariantItems, writeOrderFacts } from "./store/write-facts"
import { recountVariantDays, VariantDayKey, variantDayKeysOf } from "./store/variant-days"
import { LevelObservation, writeLevelSnapshots } from "./store/write-inventory"
import { recountHourBuckets, relabelHourBuckets } from "./store/hour-buckets"
import { readCoverageStart, readHourBuckets, readOrderFlows, RhythmReadFilter } from "./store/read-rhythm"
import { Granularity, rhythmSeries, rhythmSummary } from "../../lib/rhythm"
import { hashDisplayToken, looksLikeDisplayToken, newDisplayToken, TOKEN_PREFIX } from "./live/display-tokens"
import { readTicker, readTodayTotals } from "./store/read-live"
import { DateTime } from "luxon"
import type { WallServer } from "./live/wall-server"
import { LiveServer, startLiveServer } from "./live/live-server"
import jwt from "jsonwebtoken"
import { isOneShotCommand, isWorkerOnly } from "./live/process-role"
import { VariantForecasts } from "./forecast/variant-forecasts"
import { forecastScaledCurve, ordersPerUnit, seasonalProfileCurve } from "../../lib/rhythm"
import { inventoryRoom } from "../../lib/live"

type InjectedDependencies = {
  logger: Logger
  configModule?: { projectConfig?: { http?: { jwtSecret?: string } } }
}

const HOUR_MS = 3_600_000
const WEEK_MS = 7 * 24 * HOUR_MS

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
}) {
  protected readonly logger_: Logger
  /** Parsed once here: subscribers and workflows have no other way to read plugin options. */
  readonly options: PluginOptions
  protected live_: Promise<LiveServer | null> | null = null
  protected readonly configModule_: { projectConfig?: { http?: { jwtSecret?: string } } } | undefined
  protected forecasts_: VariantForecasts | null = null

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
    this.configModule_ = container.configModule
    this.options = parsePluginOptions(rawOptions)
  }

  /**
   * Starts the live side once per process: in a serving process the wall's HTTP server
   * with Socket.IO on it; in a worker-mode process only a Redis emitter (it has no HTTP),
   * so what the worker ingests still reaches the screens.
   */
  async startLive(): Promise<WallServer | null> {
    if (!this.options.socket.enabled || isOneShotCommand()) {
      return null
    }
    this.live_ ??= startLiveServer({
      options: this.options,
      logger: this.logger_,
      figures: (room) => this.roomFigures(room),
      identify: (token) => this.identify(token),
      workerOnly: isWorkerOnly(),
    }).catch((error) => {
      this.logger_.error(`order-rhythm: the live server failed to start: ${error?.stack ?? error}`)
      return null
    })
    return (await this.live_)?.wall ?? null
  }

  async stopLive(): Promise<void> {
    const live = await this.live_
    this.live_ = null
    await live?.close()
  }

  /** The port the wall display answers on, once started (tests use port 0). */
  async livePort(): Promise<number | null> {
    return (await this.live_)?.wall?.port ?? null
  }

  /** Tells the screens that these channels' orders changed; the hub recounts and streams. */
  async ordersChanged(channels: Array<string | null>) {
    const live = await this.live_
    if (!live) return
    const rooms = ["wall", ...new Set(channels.filter((c): c is string => Boolean(c)).map((c) => `wall:channel:${c}`))]
    live.hub.changed(rooms)
  }

  /** The figures of one room, as the live protocol names them, in parts by priority. */
  roomFigures(room: string): Array<() => Promise<Record<string, Record<string, unknown>>>> {
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
    if (looksLikeDisplayToken(token)) {
      const check = await this.checkDisplayToken(token)
      if (!check.ok) return check
      return { ok: true as const, viewer: { kind: "display" as const, scopes: check.scopes }, tokenId: check.id }
    }
    try {
      const secret = this.configModule_?.projectConfig?.http?.jwtSecret
      const payload = jwt.verify(token, secret as string) as { actor_type?: string }
      if (payload.actor_type !== "user") {
        return { ok: false as const, code: "bad_token" as const, message: "only an admin user's token opens the wall" }
      }
      return { ok: true as const, viewer: { kind: "admin" as const } }
    } catch (error) {
      const expired = (error as Error).name === "TokenExpiredError"
      return {
        ok: false as const,
        code: expired ? ("expired_token" as const) : ("bad_token" as const),
        message: expired ? "this admin login has expired: use a display token for a wall" : "this token is neither a display token nor a valid admin token",
      }
    }
  }

  /** Revokes a display token and cuts its open screens at once. */
  async revokeDisplayToken(id: string) {
    const [updated] = await this.updateDisplayTokens([{ id, revoked_at: new Date() }])
    const live = await this.live_
    await live?.hub.disconnectToken(id)
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
    const touched = await writeOrderFacts(knex, facts)
    const buckets = await recountHourBuckets(knex, touched, timezone)
    const days = await recountVariantDays(knex, [...staleDays, ...facts.flatMap((fact) => variantDayKeysOf(fact, timezone))], timezone)
    return { orders: facts.length, buckets, days }
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
    return { snapshots: changed.length, days }
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
    const expectedCurve = await this.forecastCurve(input, params)
    const summary = rhythmSummary({ buckets: input.buckets, flows: input.flows }, params.nowUtc, {
      expectedCurve,
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
    const shape = seasonalProfileCurve(input.buckets, { coverageStartUtc: input.coverageStartUtc ?? undefined })
    const perUnit = ordersPerUnit(input.buckets, { fromUtc: new Date(Date.parse(params.nowUtc) - 8 * WEEK_MS).toISOString(), toUtc: params.nowUtc })
    return forecastScaledCurve(shape, units, perUnit)
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
    const live = await this.live_
    if (!live) return
    live.hub.changed(["wall", inventoryRoom(), ...new Set(locations.filter(Boolean).map((l) => inventoryRoom(l)))])
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
  async checkDisplayToken(token: string): Promise<
    { ok: true; id: string; scopes: string[] } | { ok: false; code: "bad_token" | "expired_token" | "revoked_token"; message: string }
  > {
    const [record] = await this.listDisplayTokens({ token_hash: hashDisplayToken(token) })
    if (!record) {
      return { ok: false, code: "bad_token", message: "this display token is not known: ask an admin for a new one" }
    }
    if (record.revoked_at) {
      return { ok: false, code: "revoked_token", message: `display token "${record.name}" was revoked` }
    }
    if (record.expires_at && new Date(record.expires_at).getTime() <= Date.now()) {
      return { ok: false, code: "expired_token", message: `display token "${record.name}" expired at ${new Date(record.expires_at).toISOString()}` }
    }
    return { ok: true, id: record.id, scopes: record.scopes as unknown as string[] }
  }

  /**
   * Everything a wall room shows, keyed as the live protocol streams it, in two parts:
   * the ticker and today's totals (two small reads) first, then the rhythm summary. A
   * channel room counts only that channel's orders.
   */
  wallFigureParts(channel: string | undefined, now = () => new Date()): Array<() => Promise<Record<string, Record<string, unknown>>>> {
    return [
      async () => {
        const at = now()
        const local = DateTime.fromJSDate(at, { zone: this.options.timezone })
        const lastWeek = local.minus({ weeks: 1 })
        const [ticker, totals] = await Promise.all([
          this.readTickerOrders(channel),
          this.readTotals(channel, {
            localDate: local.toISODate()!,
            dayStartUtc: local.startOf("day").toUTC().toISO()!,
            nowUtc: at.toISOString(),
            lastWeekStartUtc: lastWeek.startOf("day").toUTC().toISO()!,
            lastWeekNowUtc: lastWeek.toUTC().toISO()!,
          }),
        ])
        return { ticker: { latest: ticker }, totals: { today: totals } }
      },
      async () => {
        const at = now()
        const rhythm = await this.rhythm({
          nowUtc: at.toISOString(),
          fromUtc: new Date(at.getTime() - 48 * HOUR_MS).toISOString(),
          toUtc: at.toISOString(),
          granularity: "hour",
          channels: channel ? [channel] : undefined,
        })
        return {
          rhythm: {
            rates: rhythm.rates,
            backlog: rhythm.backlog,
            cycleTimes: rhythm.cycleTimes,
            sla: rhythm.sla,
            heatMap: rhythm.heatMap,
            today: rhythm.today,
            series: rhythm.series,
          },
        }
      },
    ]
  }

  @InjectManager()
  async readTickerOrders(channel: string | undefined, @MedusaContext() sharedContext: Context = {}) {
    return readTicker(transactionKnex(sharedContext), channel)
  }

  @InjectManager()
  async readTotals(
    channel: string | undefined,
    span: Parameters<typeof readTodayTotals>[2],
    @MedusaContext() sharedContext: Context = {}
  ) {
    return readTodayTotals(transactionKnex(sharedContext), channel, span)
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
