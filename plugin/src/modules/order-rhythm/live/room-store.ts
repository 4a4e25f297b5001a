import type Redis from "ioredis"
import { Delta, ReplayBuffer, RoomName, RoomState, setValue } from "../../../lib/live"

/** One key's new value, as a publication appends it. */
export type Entry = { topic: string; key: string; data: unknown }

/**
 * Where each room's sequence, current values and recent deltas live: in memory for one
 * process, in Redis when several Medusa processes share the rooms (a counter, a hash of
 * current values and a capped stream per room), so a screen can resume on any of them.
 */
export interface RoomStore {
  /**
   * Takes the room's next sequence numbers, one per entry, and records the deltas under them:
   * one publication at once, so its seqs are consecutive and it travels as one message.
   */
  append(room: RoomName, entries: Entry[]): Promise<Delta[]>
  seq(room: RoomName): Promise<number>
  /** A copy of the room's current values (a snapshot for a screen). */
  state(room: RoomName): Promise<RoomState>
  /**
   * The room's current values to compare against, not to be changed: in memory the room's own
   * object, not a copy (a publication only reads it; copying a wall's 30 KB for each one was
   * about 1% of a busy server's CPU).
   */
  view(room: RoomName): Promise<Readonly<RoomState>>
  /** The deltas after `seq`, or null when the gap is older than what is kept. */
  since(room: RoomName, seq: number): Promise<Delta[] | null>
  close(): Promise<void>
}

export class MemoryRoomStore implements RoomStore {
  private rooms = new Map<RoomName, { seq: number; state: RoomState; buffer: ReplayBuffer }>()
  /**
   * Seqs of this process's life start at the clock's milliseconds, so they are always above
   * those of a life before a restart: a screen that remembers the old ones gets a snapshot,
   * never a replay of deltas from another life.
   */
  private readonly base = Date.now()

  constructor(private readonly replayCapacity = 1000) {}

  private room(name: RoomName) {
    let room = this.rooms.get(name)
    if (!room) {
      room = { seq: this.base, state: {}, buffer: new ReplayBuffer(this.replayCapacity) }
      this.rooms.set(name, room)
    }
    return room
  }

  async append(name: RoomName, entries: Entry[]): Promise<Delta[]> {
    const room = this.room(name)
    return entries.map(({ topic, key, data }) => {
      const delta = { room: name, seq: ++room.seq, topic, key, data }
      setValue((room.state[topic] ??= {}), key, data)
      room.buffer.push(delta)
      return delta
    })
  }

  async seq(name: RoomName) {
    return this.rooms.get(name)?.seq ?? 0
  }

  async state(name: RoomName) {
    return structuredClone(this.rooms.get(name)?.state ?? {})
  }

  async view(name: RoomName): Promise<Readonly<RoomState>> {
    return this.rooms.get(name)?.state ?? {}
  }

  async since(name: RoomName, seq: number) {
    const room = this.room(name)
    return room.buffer.since(seq, room.seq)
  }

  async close() {}
}

const FIELD_SEPARATOR = "\u001f"

/**
 * One Lua script appends a publication: per entry it takes the seq, stores the value (a piece
 * sent as null is removed, see live-client/src/row-keys) and appends to the replay stream; then it
 * publishes the run as one JSON array. Redis runs it atomically, so no process can leave a hole
 * in a room's seqs (by dying between two commands), a run's seqs are consecutive, and runs are
 * published in seq order. ARGV: room, field separator, stream length, channel, then
 * topic, key, JSON value for each entry. Returns the run's last seq.
 */
const APPEND_SCRIPT = `
local room, sep, capacity, channel = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local deltas = {}
local seq = 0
for i = 5, #ARGV, 3 do
  local topic, key, data = ARGV[i], ARGV[i + 1], ARGV[i + 2]
  seq = redis.call('INCR', KEYS[1])
  local delta = '{"room":' .. cjson.encode(room) .. ',"seq":' .. seq .. ',"topic":' .. cjson.encode(topic) ..
    ',"key":' .. cjson.encode(key) .. ',"data":' .. data .. '}'
  if data == 'null' and string.find(key, '#', 1, true) then
    redis.call('HDEL', KEYS[2], topic .. sep .. key)
  else
    redis.call('HSET', KEYS[2], topic .. sep .. key, data)
  end
  redis.call('XADD', KEYS[3], 'MAXLEN', '~', capacity, '*', 'delta', delta)
  deltas[#deltas + 1] = delta
end
if channel ~= '' and #deltas > 0 then redis.call('PUBLISH', channel, '[' .. table.concat(deltas, ',') .. ']') end
return seq
`

export class RedisRoomStore implements RoomStore {
  constructor(
    private readonly redis: Redis,
    /** Where each delta is published as it is appended ("" for nowhere). */
    private readonly channel = "",
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

  async append(room: RoomName, entries: Entry[]): Promise<Delta[]> {
    if (!entries.length) return []
    const keys = this.keys(room)
    const last = (await this.redis.eval(
      APPEND_SCRIPT,
      3,
      keys.seq,
      keys.state,
      keys.stream,
      room,
      FIELD_SEPARATOR,
      String(this.replayCapacity),
      this.channel,
      ...entries.flatMap(({ topic, key, data }) => [topic, key, JSON.stringify(data)])
    )) as number
    const first = last - entries.length + 1
    return entries.map(({ topic, key, data }, i) => ({ room, seq: first + i, topic, key, data }))
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

  view(room: RoomName): Promise<Readonly<RoomState>> {
    return this.state(room)
  }

  async since(room: RoomName, seq: number) {
    const current = await this.seq(room)
    if (seq === current) {
      return []
    }
    if (seq > current) {
      // Redis lost the room (flushed, replaced): the screen needs a snapshot.
      return null
    }
    const entries = await this.redis.xrange(this.keys(room).stream, "-", "+")
    const deltas = entries
      .map(([, fields]) => JSON.parse(fields[1]) as Delta)
      .filter((delta) => delta.seq > seq)
      .sort((a, b) => a.seq - b.seq)
    // Other processes may append between reading the counter and the stream: the run must
    // start right after `seq`, have no hole, and reach at least the counter read first.
    const contiguous = deltas.every((delta, i) => delta.seq === seq + 1 + i)
    const reaches = deltas.length > 0 && deltas[deltas.length - 1].seq >= current
    return contiguous && reaches ? deltas : null
  }

  async close() {}
}
