import type Redis from "ioredis"
import { randomUUID } from "node:crypto"
import type { RoomName } from "../../../lib/live"

/** How long a serving process's word that it watches its rooms holds without being said again. */
export const WATCHING_TTL_MS = 15_000

/**
 * Which rooms have a screen on some process, when several share the rooms through Redis.
 *
 * A room's figures are recounted after every order, and most of that work is for nobody when
 * no screen watches it (a shop's channel rooms, or every room of a store whose wall is off). One
 * process knows its own sockets; a `worker` process has none and ingests for all of them. So
 * each serving process says, every few seconds and whenever a screen joins, which rooms it
 * watches (a key that expires, so a process that died stops counting), and a process that skips
 * an unwatched room marks it dirty: whoever connects its first screen, or watches it when the
 * mark lands, recounts it first.
 */
export class RedisWatchedRooms {
  /** This process, among those that announce. */
  private readonly id = randomUUID()

  constructor(
    private readonly redis: Redis,
    private readonly prefix = "order-rhythm"
  ) {}

  private get watchersKey() {
    return `${this.prefix}:watchers`
  }

  private watchingKey(id: string) {
    return `${this.prefix}:watching:${id}`
  }

  private get dirtyKey() {
    return `${this.prefix}:dirty-rooms`
  }

  /** This process's watched rooms, good for WATCHING_TTL_MS. */
  async announce(rooms: RoomName[]): Promise<void> {
    const now = Date.now()
    await this.redis
      .multi()
      .set(this.watchingKey(this.id), JSON.stringify(rooms), "PX", WATCHING_TTL_MS)
      .zadd(this.watchersKey, now + WATCHING_TTL_MS, this.id)
      .zremrangebyscore(this.watchersKey, "-inf", now)
      .exec()
  }

  /** The rooms some live process watches. */
  async watched(): Promise<Set<RoomName>> {
    const ids = await this.redis.zrangebyscore(this.watchersKey, Date.now(), "+inf")
    const rooms = new Set<RoomName>()
    if (!ids.length) return rooms
    for (const json of await this.redis.mget(ids.map((id) => this.watchingKey(id)))) {
      for (const room of json ? (JSON.parse(json) as RoomName[]) : []) rooms.add(room)
    }
    return rooms
  }

  async markDirty(room: RoomName): Promise<void> {
    await this.redis.sadd(this.dirtyKey, room)
  }

  /** Whether the room was marked dirty; the mark is gone afterwards (one process recounts it). */
  async takeDirty(room: RoomName): Promise<boolean> {
    return (await this.redis.srem(this.dirtyKey, room)) === 1
  }

  /** This process stops counting as a watcher at once. */
  async close(): Promise<void> {
    await this.redis.multi().del(this.watchingKey(this.id)).zrem(this.watchersKey, this.id).exec()
  }
}
