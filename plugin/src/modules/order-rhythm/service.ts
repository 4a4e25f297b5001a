import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
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
import { transactionKnex } from "./store/knex"
import type { ModuleDb } from "./module-db"
import { OrderIngestion } from "./ingestion/order-ingestion"
import { RhythmFigures } from "./figures/rhythm-figures"
import { VariantForecasts } from "./forecast/variant-forecasts"
import { LiveUpdates } from "./live/live-updates"
import { DisplayTokenData, DisplayTokenRecords } from "./live/display-token-records"
import { identifyViewer } from "./live/viewer-identity"
import { isOneShotCommand } from "./live/process-role"
import { ReportingCurrencySettings } from "./settings/reporting-currency"
import { PluginStateStore } from "./settings/plugin-state"
import { countOrderFacts } from "./store/fact-counts"
import { forecastRuns } from "./forecast/forecast-store"

type InjectedDependencies = {
  logger: Logger
  configModule?: { projectConfig?: { http?: { jwtSecret?: string } } }
}

/**
 * The module's service: its data models (Medusa generates their methods), the plugin's options,
 * and one object per concern, each in a file of its own:
 *
 * - `ingestion`: orders and stock into facts and aggregates (./ingestion)
 * - `figures`: rhythm reports and the live rooms' values (./figures)
 * - `forecasts`: demand forecasts per variant and location (./forecast)
 * - `live`: the socket server and what it is told to recount (./live)
 * - `displayTokens`, `currency`, `state`: wall tokens, the reporting currency, kept values
 *
 * Workflows and routes reach the concerns through the service, which Medusa resolves; the
 * concerns reach the database only through `ModuleDb`, which binds them to Medusa's transactions.
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
  readonly ingestion: OrderIngestion
  readonly figures: RhythmFigures
  readonly live: LiveUpdates
  readonly displayTokens: DisplayTokenRecords
  readonly currency: ReportingCurrencySettings
  readonly state: PluginStateStore
  protected forecasts_: VariantForecasts | null = null

  /** Medusa calls these on start and shutdown; they must return promises and never throw. */
  readonly __hooks = {
    onApplicationStart: async () => {
      if (!isOneShotCommand()) {
        await this.ingestion.ensureBucketLabels().catch((error) =>
          this.logger_.error(`order-rhythm: could not re-label hour buckets: ${error?.message ?? error}`)
        )
        // In the background: a store with years of history takes a while, and reads go raw until then.
        void this.ingestion.ensureFlowDigests().catch((error) =>
          this.logger_.error(`order-rhythm: could not build the cycle-time digests: ${error?.stack ?? error}`)
        )
      }
      await this.live.start()
    },
    onApplicationShutdown: async () => {
      await this.live.stop()
    },
  }

  constructor(container: InjectedDependencies, rawOptions: unknown) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.logger_ = container.logger
    this.options = parsePluginOptions(rawOptions)
    const db: ModuleDb = { read: (fn) => this.withKnex(fn), write: (fn) => this.inTransaction(fn) }
    const jwtSecret = container.configModule?.projectConfig?.http?.jwtSecret
    this.state = new PluginStateStore(db)
    this.currency = new ReportingCurrencySettings(db)
    this.displayTokens = new DisplayTokenRecords(this as unknown as DisplayTokenData)
    this.ingestion = new OrderIngestion(db, this.options, this.logger_)
    this.figures = new RhythmFigures(db, this.options, () => this.forecasts)
    this.live = new LiveUpdates({
      options: this.options,
      logger: this.logger_,
      figures: (room) => this.figures.roomFigures(room),
      identify: (token) => identifyViewer(token, { checkDisplayToken: (displayToken) => this.displayTokens.check(displayToken), jwtSecret }),
    })
  }

  /** Demand forecasts per variant x location: fits, the fold of closed days, tracking (./forecast). */
  get forecasts(): VariantForecasts {
    this.forecasts_ ??= new VariantForecasts(
      { read: (fn) => this.withKnex(fn), write: (fn) => this.inTransaction(fn) },
      this.options,
      this.logger_,
      (locations) => this.live.recountForecastRooms(locations)
    )
    return this.forecasts_
  }

  /** How many orders the plugin holds facts for, and when forecasts were last fitted (GET /status). */
  async status() {
    const [ordersInFacts, forecasts] = await Promise.all([this.withKnex(countOrderFacts), this.withKnex(forecastRuns)])
    return { ordersInFacts, forecasts }
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
}
