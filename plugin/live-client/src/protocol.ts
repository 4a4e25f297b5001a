/**
 * The wall's live protocol over Socket.IO (namespace `/rhythm`, on the plugin's own port).
 * Pure types and helpers, shared by the hub in the plugin, the wall display and any other screen
 * (published as `order-rhythm/live-client`).
 *
 * Connect: `io(url + "/rhythm", { auth: { token, seqs? } })`. `token` is a Medusa admin JWT or a
 * display token; `seqs` ({ room: lastSeq }) is sent again on every reconnect so the server can
 * replay what the screen missed. A refused handshake fails with `connect_error` whose
 * `message` is one of RefusalCode and whose `data.message` says why in words.
 *
 * Server -> client:
 * - `snapshot` (Snapshot), once per connect and whenever a resync is asked for: the full state
 *   of the rooms that could not be replayed (all of them on a first connect). Rooms missing
 *   from `rooms` were resumed: their missed deltas follow at once as `delta` events.
 * - `delta` (Delta, Delta, ...): one or more deltas, applied in turn (a recount's changed keys
 *   travel in one message). `data` is the new absolute value of `rooms[room][topic][key]`,
 *   never an increment, so a coalesced or replayed delta is always right; a row key
 *   (`name#part`, see ./row-keys) whose `data` is null is removed. Seqs rise by 1 per room.
 *   Deltas that arrive before a connection's snapshot are early copies: the server sends
 *   everything after the snapshot's seqs again once the snapshot is out. Ignore them.
 * Client -> server:
 * - `resync` ({ rooms: string[] }): the client saw a gap (seq jumped); the server answers with a
 *   `snapshot` of those rooms.
 */

import type { ForecastTracking } from "./figures.js"

export const LIVE_NAMESPACE = "/rhythm"

/**
 * Rooms. A wall room shows rhythm figures for all channels (`wall`) or one (`wall:channel:<id>`);
 * an inventory room all locations or one. Sales rooms are not there yet.
 */
export type RoomName = string

export const wallRoom = (channelId?: string): RoomName => (channelId ? `wall:channel:${channelId}` : "wall")
export const inventoryRoom = (locationId?: string): RoomName => (locationId ? `inventory:location:${locationId}` : "inventory")

/** Topics and keys of a wall room. Every key's value is absolute. */
export type WallTopics = {
  /**
   * The engine's rhythm summary, one key per part: rates, backlog, cycleTimes, sla, heatMap, today,
   * series; heatMap, today and series split into rows (one key per row, see ./row-keys: joinRows).
   */
  rhythm: {
    rates?: unknown
    backlog?: unknown
    cycleTimes?: unknown
    sla?: unknown
    heatMap?: unknown
    today?: unknown
    series?: unknown
  }
  /** Big numbers for today in the store's zone, beside the same hour last week. */
  totals: { today?: TodayTotals }
  /**
   * The newest orders, newest first: order number, items, amount. No customer names, ever. In
   * rows: one key per order (`latest#<order id>`) and `latest` listing their ids (./row-keys).
   */
  ticker: { latest?: TickerOrder[] }
}

/**
 * Topics and keys of an inventory room (all locations, or one). Only the forecast's tracking so
 * far; stock, safety stock and reorder figures are not there yet.
 */
export type InventoryTopics = {
  /** Forecast against actual over the tracking window: h = 1 and h = lead time, overall and per day. */
  forecast: { tracking?: ForecastTracking }
}

export type Money = Record<string /* currency code, lower case */, number /* currency units */>

export type TodayTotals = {
  localDate: string
  /** The instant these totals run to. */
  asOf: string
  orders: number
  units: number
  /** Net item revenue (after discounts, without tax and shipping; cancellations and returns taken off). */
  revenue: Money
  /** The same figures from the start of the same weekday last week to the same local time. */
  lastWeek: { orders: number; units: number; revenue: Money }
  /**
   * Present only when an admin set a reporting currency: `revenue` converted at each day's
   * entered rate. `missing` names the currencies with revenue but no rate that day; they are
   * left out of the converted figure (never counted as 0 or at 1), so show them per currency.
   */
  reporting?: ReportingRevenue
}

export type ReportingRevenue = {
  currency: string
  revenue: number
  missing: string[]
  lastWeek: { revenue: number; missing: string[] }
}

export type TickerOrder = {
  orderId: string
  displayId: number | null
  placedAt: string
  channelId: string
  units: number
  amount: number
  currency: string
  items: Array<{ title: string; quantity: number }>
  canceled: boolean
}

export type RoomState = Record<string /* topic */, Record<string /* key */, unknown>>

export type Snapshot = {
  /** The sequence each of the socket's rooms stands at (all of them, resumed or not). */
  seqs: Record<RoomName, number>
  at: string
  /** The store's IANA zone: the wall shows every time and date in it. */
  timezone: string
  rooms: Record<RoomName, RoomState>
}

export type Delta = {
  room: RoomName
  seq: number
  topic: string
  key: string
  data: unknown
}

export type RefusalCode = "no_token" | "bad_token" | "expired_token" | "revoked_token" | "forbidden_scope"

/** What the client sends in the handshake's `auth`. */
export type HandshakeAuth = {
  token?: string
  seqs?: Record<RoomName, number>
  /** Narrow the screen to one channel or location (the token's scopes must allow it). */
  channel?: string
  location?: string
}

/** Every refusal means "this token will not get in": a screen stops retrying and says why. */
export const REFUSAL_CODES: readonly RefusalCode[] = ["no_token", "bad_token", "expired_token", "revoked_token", "forbidden_scope"]

export function isRefusalCode(code: string): code is RefusalCode {
  return (REFUSAL_CODES as readonly string[]).includes(code)
}
