import { formatClock } from "../format"
import type { Words } from "../i18n/words"
import type { ConnectionState } from "./connection-state"

export type Badge = { text: string; tone: "live" | "stale" | "refused" }

/** The connection badge: the one thing on the wall that says whether the rest can be trusted. */
export function badgeFor(connection: ConnectionState, words: Words, timezone: string | null): Badge {
  switch (connection.kind) {
    case "live":
      return { text: words.live, tone: "live" }
    case "connecting":
      return { text: words.connecting, tone: "stale" }
    case "stale":
      return { text: words.staleSince(formatClock(connection.since, timezone)), tone: "stale" }
    case "refused":
      return { text: words.refused[connection.code], tone: "refused" }
  }
}
