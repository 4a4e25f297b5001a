import type { Delta, RoomName } from "../../../lib/live"
import type { HubAccess } from "./live-hub"
import type { SocketServerStats } from "./socket-server"

/** What the process's main thread tells the screen thread. */
export type ToSocketThread =
  | { t: "deliver"; deltas: Delta[] }
  | { t: "cut"; tokenId: string }
  | { t: "stats"; id: number; collect: boolean }
  | { t: "answer"; id: number; ok: true; value: unknown }
  | { t: "answer"; id: number; ok: false; error: string }
  | { t: "close" }

/** What the screen thread tells the main thread. */
export type FromSocketThread =
  | { t: "ready"; port: number }
  | { t: "failed" }
  | { t: "log"; level: "error" | "warn" | "info" | "debug"; message: string }
  | { t: "rooms"; rooms: RoomName[] }
  | { t: "ask"; id: number; method: keyof HubAccess; args: unknown[] }
  | { t: "stats"; id: number; value: SocketServerStats }
  | { t: "closed" }
