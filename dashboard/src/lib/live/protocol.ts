// The wire types live in the plugin (plugin/src/lib/live/protocol.ts, and the rhythm engine's
// shapes in plugin/src/lib/rhythm); the wall imports them type-only so the bundle carries none
// of the plugin's code and a change to the contract breaks this build instead of the screen.
// The one exception is the pieces format (pure, no imports): one definition of how big values
// are cut on the server and joined here, not two that could drift apart.
export type {
  Delta,
  HandshakeAuth,
  Money,
  RefusalCode,
  RoomName,
  RoomState,
  Snapshot,
  TickerOrder,
  TodayTotals,
} from "../../../../plugin/src/lib/live/protocol"
export type {
  AgeBucket,
  Backlog,
  CycleTime,
  CycleTimes,
  FinalStage,
  FlowRates,
  HeatCell,
  HeatMap,
  HourOfWeek,
  SeriesPoint,
  SlaStage,
  StageBreaches,
  TodayHour,
  TodayIntake,
} from "../../../../plugin/src/lib/rhythm/index"

export { joinRows, setValue } from "../../../../plugin/src/lib/live/row-keys"

/** Mirrors LIVE_NAMESPACE in the plugin's protocol (a test keeps the two equal). */
export const LIVE_NAMESPACE = "/rhythm"

/** Mirrors wallRoom() in the plugin's protocol (a test keeps the two equal). */
export const wallRoom = (channelId?: string): string => (channelId ? `wall:channel:${channelId}` : "wall")

import type { RefusalCode } from "../../../../plugin/src/lib/live/protocol"

// Every refusal means "this token will not get in": the screen stops retrying and says why.
export const REFUSAL_CODES: readonly RefusalCode[] = ["no_token", "bad_token", "expired_token", "revoked_token", "forbidden_scope"]

export function isRefusalCode(code: string): code is RefusalCode {
  return (REFUSAL_CODES as readonly string[]).includes(code)
}
