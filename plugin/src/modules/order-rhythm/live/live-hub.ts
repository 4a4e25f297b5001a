import type { Logger } from "@medusajs/framework/types"
import {
  Delta,
  HandshakeAuth,
  RefusalCode,
  RoomName,
  RoomState,
  roomsFor,
  setValue,
  Snapshot,
  staleRowKeys,
  throttle,
  Viewer,
} from "../../../lib/live"
import type { Entry, RoomStore } from "./room-store"
import type { RedisWatchedRooms } from "./watched-rooms"

/** Who is asking, as the handshake proves it: an admin, a display token, or nobody. */
export type Identify = (
  token: string
) => Promise<{ ok: true; viewer: Viewer; tokenId?: string } | { ok: false; code: RefusalCode; message: string }>

/**
 * A room's current figures (topic -> key -> absolute value), in parts counted one after the
 * other (cheap reads first) and published together. A new order does not wait for them: its
 * ticker entry goes out early (publishEarly).
 */
export type RoomFigures = (room: RoomName) => Array<() => Promise<RoomState>>

/**
 * Sends a room's new deltas (in seq order) to its sockets. Those of one publication (a recount,
 * an early ticker) travel as one message: a wall of 1,000 screens costs 1,000 socket writes
 * per publication, not per key.
 */
export type Broadcast = (deltas: Delta[]) => void

/**
 * The screens of this process as the hub sees them, wherever they are served (their own
 * thread, see ./socket-thread, or this one): which rooms they watch, and a way to cut a token's.
 */
export type Screens = {
  watches(room: RoomName): boolean
  /** The wall and inventory rooms some screen of this process watches. */
  rooms(): RoomName[]
  cut(tokenId: string): void
}

/** Whether a handshake may open a screen, and on which rooms. */
export type Admission = { ok: true; rooms: RoomName[]; tokenId?: string } | { ok: false; code: RefusalCode; message: string }

/** What a screen is shown on arrival or resync: the rooms that cannot be replayed in full, and the missed deltas of the rest. */
export type ScreenSync = { snapshot: Snapshot; replays: Delta[] }

/**
 * What the socket server asks the hub (across threads: only data crosses): whether a handshake
 * may open a screen, and what a screen must be sent to be in sync. The socket server adds what
 * it delivered meanwhile and sends it all in one step (./screen-connections).
 */
export type HubAccess = {
  authorize(auth: HandshakeAuth): Promise<Admission>
  /** `arriving`: a screen that just joined, whose rooms the processes that ingest must now count. */
  sync(rooms: RoomName[], lastSeqs: Record<string, number>, arriving: boolean): Promise<ScreenSync>
}

/** Within a burst at most one recount per room per window; a lone change goes out at once. */
export const COALESCE_MS = 100

/** How long the rooms watched anywhere, once read from Redis, are taken as they were. */
const WATCH_VIEW_MS = 1000

/**
 * How often a serving process that shares its rooms takes over the dirty rooms it watches (a
 * screen that joined just after another process read the watched rooms), and, every
 * ANNOUNCE_EVERY ticks, says again which rooms it watches.
 */
const WATCH_TICK_MS = 1000
const ANNOUNCE_EVERY = 5

/**
 * The live hub: keeps each room's sequence and values (through the room store), turns
 * changes into sequenced deltas of absolute values, and serves snapshots and replays to
 * screens. The figures themselves come from `figures`; the hub only knows rooms.
 */
export class LiveHub {
  private readonly recounts = new Map<RoomName, ReturnType<typeof throttle>>()
  private broadcast: Broadcast = () => {}
  private screens: Screens | null = null
  /** Rooms that changed while no screen of this process watched them: recounted when one connects. */
  private readonly dirty = new Set<RoomName>()
  /** The rooms watched on any process, as last read (with Redis). */
  private view: { at: number; rooms: Promise<Set<RoomName> | null> } | null = null
  private watchTimer: ReturnType<typeof setInterval> | null = null
  /** Each room's publication in progress: the next one waits for it (see publish). */
  private readonly publishing = new Map<RoomName, Promise<Delta[]>>()

  constructor(
    private readonly store: RoomStore,
    private readonly figures: RoomFigures,
    private readonly logger: Logger,
    /** With Redis: which rooms the processes sharing them watch (another may watch one this one does not). */
    private readonly watching: RedisWatchedRooms | null = null
  ) {}

  /** Where deltas go: the process's own Socket.IO namespace, or a Redis emitter in a worker. */
  useBroadcast(broadcast: Broadcast) {
    this.broadcast = broadcast
  }

  /** Marks rooms as changed; the watched ones are recounted and their changed keys published. */
  changed(rooms: RoomName[]) {
    for (const room of new Set(rooms)) {
      let recount = this.recounts.get(room)
      if (!recount) {
        recount = throttle(
          () => this.recountWatched(room),
          COALESCE_MS,
          (error) => this.logger.error(`order-rhythm: could not recount room ${room}: ${(error as Error)?.stack ?? error}`)
        )
        this.recounts.set(room, recount)
      }
      recount.trigger()
    }
  }

  /**
   * Whether a screen watches the room here or, with Redis, on another process; a process with
   * no sockets and no Redis counts everything. When the watched rooms cannot be read, every room
   * counts as watched: work for nothing beats a screen left behind.
   */
  private async watchedSomewhere(room: RoomName): Promise<boolean> {
    if (this.screens?.watches(room)) return true
    if (!this.watching) return !this.screens
    const now = Date.now()
    if (!this.view || now - this.view.at > WATCH_VIEW_MS) {
      const rooms = this.watching.watched().catch((error) => {
        this.logger.warn(`order-rhythm: could not read which rooms are watched: ${(error as Error)?.message ?? error}`)
        return null
      })
      this.view = { at: now, rooms }
    }
    const rooms = await this.view.rooms
    return rooms === null || rooms.has(room)
  }

  /**
   * Recounts a room some screen watches. An unwatched one is left dirty (counting it now is
   * work for no one): the process that serves its first screen recounts it then.
   */
  private async recountWatched(room: RoomName): Promise<void> {
    if (await this.watchedSomewhere(room)) {
      await this.recount(room)
    } else if (this.watching) {
      await this.watching.markDirty(room)
    } else {
      this.dirty.add(room)
    }
  }

  /** Rooms that have a screen in this process (recounted by the clock so "today" stays true). */
  watchedRooms(): RoomName[] {
    return this.screens?.rooms() ?? []
  }

  /**
   * Publishes values worked out without a recount, for rooms that already hold a value to
   * work from: the ticker learns of an order while its facts are still being written. The
   * recount that follows the write publishes only what then still differs, so an early value
   * that the stored figures confirm costs nothing more, and one they contradict is replaced.
   */
  async publishEarly(rooms: RoomName[], next: (room: RoomName, current: Readonly<RoomState>) => RoomState | null) {
    for (const room of new Set(rooms)) {
      if (!(await this.watchedSomewhere(room))) continue
      await this.publish(room, (current) => {
        const values = next(room, current)
        return values ? [values] : []
      })
    }
  }

  /**
   * Recounts a room and publishes each key whose value differs from what the room holds, all
   * in one message: on a wall of 1,000 screens every message is 1,000 socket writes and 1,000
   * parses, and the order itself reached the ticker before (publishEarly). When a part fails,
   * the parts counted before it are still published.
   */
  async recount(room: RoomName): Promise<Delta[]> {
    const counted: RoomState[] = []
    let failure: unknown = null
    for (const part of this.figures(room)) {
      try {
        counted.push(await part())
      } catch (error) {
        failure = error
        break
      }
    }
    const published = await this.publish(room, () => counted)
    if (failure) throw failure
    return published
  }

  /**
   * Appends to the room each key of `values` whose value differs from what the room holds, and
   * broadcasts them as one message. One room publishes one thing at a time: deltas must leave
   * in seq order, and an early ticker must not overtake a recount that appended before it.
   */
  private publish(room: RoomName, values: (current: Readonly<RoomState>) => RoomState[]): Promise<Delta[]> {
    const previous = this.publishing.get(room) ?? Promise.resolve([])
    const mine = previous
      .catch(() => [])
      .then(async () => {
        const current = await this.store.view(room)
        const entries: Entry[] = []
        // What this publication has set so far, over the room's values (which it must not change).
        const written: RoomState = {}
        const topicNow = (topic: string) => {
          if (!written[topic]) return current[topic] ?? {}
          const merged = { ...current[topic] }
          for (const [key, data] of Object.entries(written[topic])) setValue(merged, key, data)
          return merged
        }
        const add = (topic: string, key: string, data: unknown) => {
          entries.push({ topic, key, data })
          ;(written[topic] ??= {})[key] = data
        }
        for (const next of values(current)) {
          for (const [topic, keys] of Object.entries(next)) {
            const before = topicNow(topic)
            for (const [key, value] of Object.entries(keys)) {
              if (JSON.stringify(before[key]) !== JSON.stringify(value)) add(topic, key, value)
            }
            // Rows a head no longer names go after it (see live-client/src/row-keys): a ticker entry that fell off.
            for (const key of staleRowKeys(before, keys)) add(topic, key, null)
          }
        }
        // All of it at once: consecutive seqs, one message (and with Redis one round trip).
        const deltas = await this.store.append(room, entries)
        this.broadcast(deltas)
        return deltas
      })
    this.publishing.set(room, mine)
    void mine.finally(() => this.publishing.get(room) === mine && this.publishing.delete(room)).catch(() => {})
    return mine
  }

  /** What the socket server may ask the hub: who may connect, and what each screen is sent. */
  access(identify: Identify): HubAccess {
    return {
      authorize: (auth) => this.authorize(auth, identify),
      sync: (rooms, lastSeqs, arriving) => this.sync(rooms, lastSeqs, arriving),
    }
  }

  /** Binds the hub to the screens it serves; with Redis it says every tick which rooms they watch. */
  useScreens(screens: Screens) {
    this.screens = screens
    if (this.watching && !this.watchTimer) {
      let ticks = 0
      this.watchTimer = setInterval(() => {
        this.watchTick(ticks++ % ANNOUNCE_EVERY === 0).catch((error) =>
          this.logger.warn(`order-rhythm: could not share which rooms this process watches: ${(error as Error)?.message ?? error}`)
        )
      }, WATCH_TICK_MS)
      this.watchTimer.unref?.()
    }
  }

  private async authorize(auth: HandshakeAuth, identify: Identify): Promise<Admission> {
    if (!auth.token) {
      return { ok: false, code: "no_token", message: "this screen has no token: open the wall with ?token=<display token> from Medusa Admin" }
    }
    const who = await identify(auth.token)
    if (!who.ok) return who
    const grant = roomsFor(who.viewer, { channel: auth.channel || undefined, location: auth.location || undefined })
    if ("refused" in grant) return { ok: false, code: "forbidden_scope", message: grant.refused }
    return { ok: true, rooms: grant.rooms, tokenId: who.tokenId }
  }

  /**
   * The full state of the rooms that cannot be replayed and the missed deltas of the rest. A
   * dirty or never counted room is recounted first. For an arriving screen, this process first
   * says it watches its rooms: from then on the processes that ingest recount them (should
   * Redis not take it, the next tick says it again).
   */
  private async sync(rooms: RoomName[], lastSeqs: Record<string, number>, arriving: boolean): Promise<ScreenSync> {
    if (arriving) {
      await this.watching?.announce(this.watchedRooms()).catch((error) =>
        this.logger.warn(`order-rhythm: could not share which rooms this process watches: ${(error as Error)?.message ?? error}`)
      )
    }
    const snapshot: Snapshot = { seqs: {}, at: new Date().toISOString(), timezone: this.timezone, rooms: {} }
    const replays: Delta[] = []
    for (const room of rooms) {
      const dirty = this.dirty.has(room) || (this.watching ? await this.watching.takeDirty(room) : false)
      if (dirty || (await this.store.seq(room)) === 0) {
        this.dirty.delete(room)
        await this.recount(room)
      }
      const last = lastSeqs[room]
      const missed = typeof last === "number" ? await this.store.since(room, last) : null
      if (missed) {
        replays.push(...missed)
        snapshot.seqs[room] = last
      } else {
        snapshot.seqs[room] = await this.store.seq(room)
        snapshot.rooms[room] = await this.store.state(room)
      }
    }
    return { snapshot, replays }
  }

  timezone = "UTC"

  /** Cuts every open screen of a revoked token, in this process and (with Redis) the others. */
  async disconnectToken(tokenId: string) {
    this.screens?.cut(tokenId)
  }

  /**
   * Says which rooms this process watches (every ANNOUNCE_EVERY ticks), and recounts those of
   * them another process left dirty: one that skipped a room before it learnt of a screen that
   * had just joined here.
   */
  private async watchTick(announce: boolean) {
    if (!this.watching) return
    const rooms = this.watchedRooms()
    if (announce) await this.watching.announce(rooms)
    for (const room of rooms) {
      if (await this.watching.takeDirty(room)) this.changed([room])
    }
  }

  stop() {
    for (const recount of this.recounts.values()) recount.cancel()
    this.recounts.clear()
    if (this.watchTimer) clearInterval(this.watchTimer)
    this.watchTimer = null
  }
}
