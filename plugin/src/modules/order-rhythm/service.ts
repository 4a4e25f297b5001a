import {
  InjectTransactionManager,
  MedusaContext,
  MedusaService,
  generateEntityId,
} from "@medusajs/framework/utils"
import { Context, Logger } from "@medusajs/framework/types"
import { OrderFact, OrderLineFact } from "./models"
import { parsePluginOptions, PluginOptions } from "../../lib/options"
import type { OrderFacts } from "../../lib/facts"
import { startWallServer, WallServer } from "./live/wall-server"
import { isOneShotCommand, isWorkerOnly } from "./live/process-role"

type InjectedDependencies = {
  logger: Logger
}

type Knex = any

/**
 * The knex bound to the transaction Medusa opened for this call: `getKnex()` alone would
 * autocommit each statement, and a reader could see an order without its lines.
 */
function transactionKnex(context: Context): Knex {
  const manager = context.transactionManager as any
  return manager.getTransactionContext?.() ?? manager.getKnex()
}

export default class OrderRhythmModuleService extends MedusaService({
  OrderFact,
  OrderLineFact,
}) {
  protected readonly logger_: Logger
  /** Parsed once here: subscribers and workflows have no other way to read plugin options. */
  readonly options: PluginOptions
  protected wall_: Promise<WallServer | null> | null = null

  /** Medusa calls these on start and shutdown; they must return promises and never throw. */
  readonly __hooks = {
    onApplicationStart: async () => {
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
   * Writes an order's facts as the difference to what is stored: the order row and its
   * lines are upserted by Medusa's ids and lines that vanished (an edit removed them) are
   * deleted, so replaying the same order any number of times leaves one state.
   */
  @InjectTransactionManager()
  async writeOrderFacts(facts: OrderFacts[], @MedusaContext() sharedContext: Context = {}) {
    if (!facts.length) {
      return
    }
    const knex = transactionKnex(sharedContext)
    const now = new Date()
    const orderRows = facts.map(({ order }) => ({
      id: generateEntityId(undefined, "orfact"),
      ...order,
      raw_revenue: JSON.stringify({ value: String(order.revenue), precision: 20 }),
      created_at: now,
      updated_at: now,
    }))
    await knex("order_rhythm_order_fact")
      .insert(orderRows)
      .onConflict(knex.raw("(order_id) where deleted_at is null"))
      .merge(Object.keys(orderRows[0]).filter((column) => !["id", "created_at"].includes(column)))

    const lineRows = facts.flatMap(({ lines }) =>
      lines.map((line) => ({
        id: generateEntityId(undefined, "orline"),
        ...line,
        raw_unit_price: JSON.stringify({ value: String(line.unit_price), precision: 20 }),
        raw_net_amount: JSON.stringify({ value: String(line.net_amount), precision: 20 }),
        created_at: now,
        updated_at: now,
      }))
    )
    const orderIds = facts.map(({ order }) => order.order_id)
    const keptLineIds = lineRows.map((line) => line.line_id)
    await knex("order_rhythm_order_line_fact")
      .whereIn("order_id", orderIds)
      .whereNotIn("line_id", keptLineIds.length ? keptLineIds : [""])
      .delete()
    if (lineRows.length) {
      await knex("order_rhythm_order_line_fact")
        .insert(lineRows)
        .onConflict(knex.raw("(line_id) where deleted_at is null"))
        .merge(Object.keys(lineRows[0]).filter((column) => !["id", "created_at"].includes(column)))
    }
  }
}
