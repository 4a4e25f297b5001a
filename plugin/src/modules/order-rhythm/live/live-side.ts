import type { Logger } from "@medusajs/framework/types"
import { mergeTicker, type TickerOrder } from "../../../lib/live"
import type { PluginOptions } from "../../../lib/options"
import type { Identify, RoomFigures } from "./live-hub"
import { LiveServer, startLiveServer } from "./live-server"
import { isOneShotCommand, isWorkerOnly } from "./process-role"
import type { WallServer } from "./wall-server"

/**
 * The module's live side in one process: started at most once, reachable by the service
 * for "orders changed" and "token revoked", closed on shutdown.
 */
export class LiveSide {
  private live_: Promise<LiveServer | null> | null = null

  constructor(
    private readonly deps: { options: PluginOptions; logger: Logger; figures: RoomFigures; identify: Identify }
  ) {}

  /**
   * In a serving process the wall's HTTP server with Socket.IO on it; in a worker-mode
   * process only a Redis emitter (it has no HTTP), so what the worker ingests still
   * reaches the screens.
   */
  async start(): Promise<WallServer | null> {
    const { options, logger } = this.deps
    if (!options.socket.enabled || isOneShotCommand()) {
      return null
    }
    this.live_ ??= startLiveServer({
      options,
      logger,
      figures: this.deps.figures,
      identify: this.deps.identify,
      workerOnly: isWorkerOnly(),
    }).catch((error) => {
      logger.error(`order-rhythm: the live server failed to start: ${error?.stack ?? error}`)
      return null
    })
    return (await this.live_)?.wall ?? null
  }

  /** The running server, if any (benchmarks look at its sockets). */
  get server(): Promise<LiveServer | null> | null {
    return this.live_
  }

  async stop(): Promise<void> {
    const live = await this.live_
    this.live_ = null
    await live?.close()
  }

  async port(): Promise<number | null> {
    return (await this.live_)?.wall?.port ?? null
  }

  /** The channels' rooms and the all-channel wall recount and stream. */
  async ordersChanged(channels: Array<string | null>) {
    const live = await this.live_
    if (!live) return
    const rooms = ["wall", ...new Set(channels.filter((c): c is string => Boolean(c)).map((c) => `wall:channel:${c}`))]
    live.hub.changed(rooms)
  }

  /**
   * Orders just loaded, before their facts are written: each wall's ticker shows them now
   * (the write and the recount after it take tens of milliseconds more).
   */
  async ordersSeen(orders: TickerOrder[]) {
    const live = await this.live_
    if (!live || !orders.length) return
    const rooms = ["wall", ...new Set(orders.filter((o) => o.channelId).map((o) => `wall:channel:${o.channelId}`))]
    await live.hub.publishEarly(rooms, (room, current) => {
      const ticker = current.ticker?.latest as TickerOrder[] | undefined
      if (!ticker) return null
      const channel = room.startsWith("wall:channel:") ? room.slice("wall:channel:".length) : undefined
      return { ticker: { latest: mergeTicker(ticker, orders, channel) } }
    })
  }

  /** Every watched room recounts (what all figures depend on changed, e.g. the reporting currency). */
  async everythingChanged() {
    const live = await this.live_
    live?.hub.changed(live.hub.watchedRooms())
  }

  async disconnectToken(id: string) {
    const live = await this.live_
    await live?.hub.disconnectToken(id)
  }
}
