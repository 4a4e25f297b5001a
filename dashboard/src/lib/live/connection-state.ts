import type { RefusalCode } from "@order-rhythm/live-client"

/**
 * What the badge tells the room. `connecting` is only the first attempt: once data has been shown,
 * a lost socket is `stale` from the instant it dropped, so nobody trusts numbers that stopped.
 */
export type ConnectionState =
  | { kind: "connecting" }
  | { kind: "live"; since: string }
  | { kind: "stale"; since: string }
  | { kind: "refused"; code: RefusalCode; message: string }
