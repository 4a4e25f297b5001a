import type Redis from "ioredis"
import { Delta, ReplayBuffer, RoomName, RoomState } from "../../../lib/live"

/**
 * Where each room's sequence, current values and recent deltas live: in memory for one
 * process, in Redis when several Medusa processes share the rooms (a counter, a hash of
 * current values and a capped stream per room), so a screen can resume on any of them.
 */
export interface RoomStore {
  /** Takes the next sequence number of the room and records the delta under it. */
  append(room: RoomName, topic: string, key: string, data: unknown): Promise<Delta>
  seq(room: RoomName): Promise<number>
  state(room: RoomName): Promise<RoomState>
  /** The deltas after `seq`, or null when the gap is older than what is kept. */
  since(room: RoomName, seq: number): Promise<Delta[] | null>
  close(): Promise<void>
}

export class MemoryRoomStore implements RoomStore {
  private rooms = new Map<RoomName, { seq: number; state: RoomState; buffer: ReplayBuffer }>()

  constructor(private readonly replayCapacity = 1000) {}

  private room(name: RoomName) {
    let room = this.rooms.get(name)
    if (!room) {
      room = { seq: 0, state: {}, buffer: new ReplayBuffer(this.replayCapacity) }
      this.rooms.set(name, room)
    }
    return room
  }

  async append(name: RoomName, topic: string, key: string, data: unknown): Promise<Delta> {
    const room = this.room(name)
    const delta = { room: name, seq: ++room.seq, topic, key, data }
    ;(room.state[topic] ??= {})[key] = data
    room.buffer.push(delta)
    return delta
  }

  async seq(name: RoomName) {
    return this.rooms.get(name)?.seq ?? 0
  }

  async state(name: RoomName) {
    return structuredClone(this.rooms.get(name)?.state ?? {})
  }

  async since(name: RoomName, seq: number) {
    const room = this.room(name)
    return room.buffer.since(seq, room.seq)
  }

  async close() {}
}

const FIELD_SEPARATOR = "\u001f"

export class RedisRoomStore implements RoomStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = "order-rhythm",
    private readonly replayCapacity = 1000
  ) {}

  private keys(room: RoomName) {
    return {
      seq: `${this.prefix}:${room}:seq`,
      state: `${this.prefix}:${room}:state`,
      stream: `${this.prefix}:${room}:stream`,
    }
  }

  async append(room: RoomName, topic: string, key: string, data: unknown): Promise<Delta> {
    const keys = this.keys(room)
    const seq = await this.redis.incr(keys.seq)
    const delta = { room, seq, topic, key, data }
    const json = JSON.stringify(delta)
    await this.redis
      .multi()
      .hset(keys.state, `${topic}${FIELD_SEPARATOR}${key}`, JSON.stringify(data))
      .xadd(keys.stream, "MAXLEN", "~", String(this.replayCapacity), "*", "delta", json)
      .exec()
    return delta
  }

  async seq(room: RoomName) {
    return Number((await this.redis.get(this.keys(room).seq)) ?? 0)
  }

  async state(room: RoomName) {
    const fields = await this.redis.hgetall(this.keys(room).state)
    const state: RoomState = {}
    for (const [field, json] of Object.entries(fields)) {
      const [topic, key] = field.split(FIELD_SEPARATOR)
      ;(state[topic] ??= {})[key] = JSON.parse(json)
    }
    return state
  }

  async since(room: RoomName, seq: number) {
    const current = await this.seq(room)
    if (seq >= current) {
      return []
    }
    const entries = await this.redis.xrange(this.keys(room).stream, "-", "+")
    const deltas = entries
      .map(([, fields]) => JSON.parse(fields[1]) as Delta)
      .filter((delta) => delta.seq > seq)
      .sort((a, b) => a.seq - b.seq)
    // Several processes append concurrently: make sure nothing in the gap is missing.
    const complete = deltas.length === current - seq && deltas.every((delta, i) => delta.seq === seq + 1 + i)
    return complete ? deltas : null
  }

  async close() {}
}
