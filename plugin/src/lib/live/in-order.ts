import type { Delta, RoomName } from "./protocol"

/**
 * Hands deltas on in seq order per room. With several processes publishing to one room, a
 * seq taken by one can reach another process after a later seq taken by a third; held for
 * a moment, they go out in order and the screens see no gap. A seq that never comes
 * (its process died mid-publish) is given up after `waitMs`: the screens then resync.
 */
export class InOrderDelivery {
  private readonly next = new Map<RoomName, number>()
  private readonly held = new Map<RoomName, Map<number, Delta>>()
  private readonly timers = new Map<RoomName, ReturnType<typeof setTimeout>>()

  constructor(
    private readonly deliver: (delta: Delta) => void,
    private readonly waitMs = 300
  ) {}

  push(delta: Delta) {
    const expected = this.next.get(delta.room)
    if (expected === undefined || delta.seq === expected) {
      this.emit(delta)
      this.flush(delta.room)
      return
    }
    if (delta.seq < expected) {
      // Late beyond the wait: the screens already resynced past it; passing it on is harmless.
      this.deliver(delta)
      return
    }
    let held = this.held.get(delta.room)
    if (!held) {
      held = new Map()
      this.held.set(delta.room, held)
    }
    held.set(delta.seq, delta)
    if (!this.timers.has(delta.room)) {
      this.timers.set(
        delta.room,
        setTimeout(() => this.giveUp(delta.room), this.waitMs)
      )
    }
  }

  private emit(delta: Delta) {
    this.next.set(delta.room, delta.seq + 1)
    this.deliver(delta)
  }

  private flush(room: RoomName) {
    const held = this.held.get(room)
    while (held?.size) {
      const delta = held.get(this.next.get(room)!)
      if (!delta) return
      held.delete(delta.seq)
      this.emit(delta)
    }
    const timer = this.timers.get(room)
    if (timer) clearTimeout(timer)
    this.timers.delete(room)
  }

  private giveUp(room: RoomName) {
    this.timers.delete(room)
    const held = this.held.get(room)
    if (!held?.size) return
    const first = Math.min(...held.keys())
    this.next.set(room, first)
    this.flush(room)
  }

  stop() {
    for (const timer of this.timers.values()) clearTimeout(timer)
    this.timers.clear()
  }
}
