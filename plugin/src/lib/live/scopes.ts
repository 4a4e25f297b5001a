import { inventoryRoom, RoomName, wallRoom } from "../../../live-client/src/protocol"

/**
 * What a display token may see. `wall` and `inventory` open a kind of figures;
 * `channel:<id>` and `location:<id>` narrow them to one shop or one warehouse (a token with
 * narrowing scopes sees nothing outside them). Sales scopes are not there yet.
 */
export type Scope = "wall" | "inventory" | `channel:${string}` | `location:${string}`

const SCOPE_PATTERN = /^(wall|inventory|channel:[A-Za-z0-9_-]+|location:[A-Za-z0-9_-]+)$/

export function isScope(value: string): value is Scope {
  return SCOPE_PATTERN.test(value)
}

/** Problems with a list of scopes, in words an admin can act on; empty when it is fine. */
export function scopeProblems(scopes: string[]): string[] {
  const problems = scopes.filter((scope) => !isScope(scope)).map((scope) => `unknown scope "${scope}"`)
  if (!scopes.some((scope) => scope === "wall" || scope === "inventory")) {
    problems.push('a token needs "wall" or "inventory" to see anything')
  }
  if (scopes.some((scope) => scope.startsWith("channel:")) && !scopes.includes("wall")) {
    problems.push('"channel:<id>" narrows the wall: add "wall"')
  }
  if (scopes.some((scope) => scope.startsWith("location:")) && !scopes.includes("inventory")) {
    problems.push('"location:<id>" narrows inventory: add "inventory"')
  }
  return problems
}

export type Viewer = { kind: "admin" } | { kind: "display"; scopes: string[] }

export type RoomGrant = { rooms: RoomName[] } | { refused: string }

/**
 * The rooms a viewer joins, optionally narrowed by the screen to one channel or location.
 * An admin sees everything; a display token only what its scopes allow, and asking for a
 * channel outside them is refused rather than silently widened or emptied.
 */
export function roomsFor(viewer: Viewer, narrow: { channel?: string; location?: string } = {}): RoomGrant {
  const scopes = viewer.kind === "admin" ? ["wall", "inventory"] : viewer.scopes
  const channels = scopes.filter((s) => s.startsWith("channel:")).map((s) => s.slice("channel:".length))
  const locations = scopes.filter((s) => s.startsWith("location:")).map((s) => s.slice("location:".length))
  const rooms: RoomName[] = []

  if (scopes.includes("wall")) {
    if (narrow.channel) {
      if (channels.length && !channels.includes(narrow.channel)) {
        return { refused: `this token may not watch sales channel ${narrow.channel}` }
      }
      rooms.push(wallRoom(narrow.channel))
    } else if (channels.length) {
      rooms.push(...channels.map((channel) => wallRoom(channel)))
    } else {
      rooms.push(wallRoom())
    }
  } else if (narrow.channel) {
    return { refused: "this token has no wall scope" }
  }

  if (scopes.includes("inventory")) {
    if (narrow.location) {
      if (locations.length && !locations.includes(narrow.location)) {
        return { refused: `this token may not watch stock location ${narrow.location}` }
      }
      rooms.push(inventoryRoom(narrow.location))
    } else if (locations.length) {
      rooms.push(...locations.map((location) => inventoryRoom(location)))
    } else {
      rooms.push(inventoryRoom())
    }
  } else if (narrow.location) {
    return { refused: "this token has no inventory scope" }
  }
  return { rooms }
}
