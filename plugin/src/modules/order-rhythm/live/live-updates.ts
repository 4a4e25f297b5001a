import type { Logger } from "@medusajs/framework/types"
import { joinRows, mergeTicker, splitRows, tickerOrderFromFacts, inventoryRoom, wallRoom, type RoomName, type TickerOrder } from "../../../lib/live"
import type { OrderFacts } from "../../../lib/facts"
import type { PluginOptions } from "../../../lib/options"
import type { Identify, RoomFigures } from "./live-hub"
import { LiveStream, startLiveStream } from "./live-stream"
import { isOneShotCommand, isWorkerOnly } from "./process-role"
import type { SocketServer } from "./socket-server"

/**
 * Live delivery as the rest of the module sees it: started at most once per process, told
 * what changed (new orders, a channel's orders, forecasts, everything), and closed on
 * shutdown. The rooms then recount and stream what differs (./live-hub).
 */
export class LiveUpdates {
  private stream_: Promise<LiveStream | null> | null = null

  constructor(
    private readonly deps: { options: PluginOptions; logger: Logger; figures: RoomFigures; identify: Identify }
  ) {}

  /**
   * In a serving process the wall's HTTP server with Socket.IO on it (in a thread of its
   * own); in a worker-mode process only the Redis room store (it has no HTTP), so what the
   * worker ingests still reaches the screens.
   */
  async start(): Promise<SocketServer | null> {
    const { options, logger } = this.deps
    if (!options.socket.enabled || isOneShotCommand()) {
      return null
    }
    this.stream_ ??= startLiveStream({
      options,
      logger,
      figures: this.deps.figures,
      identify: this.deps.identify,
      workerOnly: isWorkerOnly(),
    }).catch((error) => {
      logger.error(`order-rhythm: the live server failed to start: ${error?.stack ?? error}`)
      return null
    })
    return (await this.stream_)?.screens ?? null
  }

  /** The running stream, if any (benchmarks look at its sockets). */
  get stream(): Promise<LiveStream | null> | null {
    return this.stream_
  }

  async stop(): Promise<void> {
    const stream = await this.stream_
    this.stream_ = null
    await stream?.close()
  }

  /** Screens connected to this process's socket server; null where it serves none (a worker). */
  async screenCount(): Promise<number | null> {
    const screens = (await this.stream_)?.screens
    return screens ? (await screens.stats()).sockets : null
  }

  /** The port the wall display answers on, once started (tests use port 0). */
  async port(): Promise<number | null> {
    return (await this.stream_)?.screens?.port ?? null
  }

  /**
   * Orders just loaded, before their facts are written: each wall's ticker shows them now
   * (the write and the recount after it take tens of milliseconds more).
   */
  async showNewOrders(facts: OrderFacts[]) {
    const stream = await this.stream_
    if (!stream || !facts.length) return
    const orders = facts.map(tickerOrderFromFacts)
    const rooms = wallRooms(orders.map((order) => order.channelId))
    await stream.hub.publishEarly([...rooms.keys()], (room, current) => {
      const ticker = joinRows(current.ticker ?? {}).latest as TickerOrder[] | undefined
      return ticker ? { ticker: splitRows({ latest: mergeTicker(ticker, orders, rooms.get(room)) }) } : null
    })
  }

  /** These channels' orders changed: their rooms and the all-channel wall recount and stream. */
  async recountChannels(channels: Array<string | null>) {
    await this.recountRooms([...wallRooms(channels).keys()])
  }

  /** Forecasts moved: the inventory rooms recount their tracking, the wall its expected curve. */
  async recountForecastRooms(locations: string[]) {
    await this.recountRooms([wallRoom(), inventoryRoom(), ...new Set(locations.filter(Boolean).map((location) => inventoryRoom(location)))])
  }

  /** These rooms recount and stream what changed. */
  async recountRooms(rooms: RoomName[]) {
    const stream = await this.stream_
    stream?.hub.changed(rooms)
  }

  /** Every watched room recounts (what all figures depend on changed, e.g. the reporting currency). */
  async recountAll() {
    const stream = await this.stream_
    stream?.hub.changed(stream.hub.watchedRooms())
  }

  /** Cuts the open screens of a revoked token. */
  async disconnectToken(id: string) {
    const stream = await this.stream_
    await stream?.hub.disconnectToken(id)
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
