import type { Logger } from "@medusajs/framework/types"
import { inPieces, joinPieces, mergeTicker, wallRoom, type RoomName, type TickerOrder } from "../../../lib/live"
import type { PluginOptions } from "../../../lib/options"
import type { Identify, RoomFigures } from "./live-hub"
import { LiveServer, startLiveServer } from "./live-server"
import { isOneShotCommand, isWorkerOnly } from "./process-role"
import type { ScreenServer } from "./screen-server"

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
   * In a serving process the wall's HTTP server with Socket.IO on it (in a thread of its
   * own); in a worker-mode process only the Redis room store (it has no HTTP), so what the
   * worker ingests still reaches the screens.
   */
  async start(): Promise<ScreenServer | null> {
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
    return (await this.live_)?.screens ?? null
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
    return (await this.live_)?.screens?.port ?? null
  }

  /** The channels' rooms and the all-channel wall recount and stream. */
  async ordersChanged(channels: Array<string | null>) {
    await this.roomsChanged([...wallRooms(channels).keys()])
  }

  /** These rooms recount and stream what changed. */
  async roomsChanged(rooms: RoomName[]) {
    const live = await this.live_
    live?.hub.changed(rooms)
  }

  /**
   * Orders just loaded, before their facts are written: each wall's ticker shows them now
   * (the write and the recount after it take tens of milliseconds more).
   */
  async ordersSeen(orders: TickerOrder[]) {
    const live = await this.live_
    if (!live || !orders.length) return
    const rooms = wallRooms(orders.map((order) => order.channelId))
    await live.hub.publishEarly([...rooms.keys()], (room, current) => {
      const ticker = joinPieces(current.ticker ?? {}).latest as TickerOrder[] | undefined
      return ticker ? { ticker: inPieces({ latest: mergeTicker(ticker, orders, rooms.get(room)) }) } : null
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

/** The all-channel wall and each named channel's wall, with the channel each one narrows to. */
function wallRooms(channels: Array<string | null | undefined>): Map<RoomName, string | undefined> {
  const rooms = new Map<RoomName, string | undefined>([[wallRoom(), undefined]])
  for (const channel of channels) {
    if (channel) rooms.set(wallRoom(channel), channel)
  }
  return rooms
}
