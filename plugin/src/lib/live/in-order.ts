import type { Delta, RoomName } from "../../../live-client/src/protocol"

/**
 * Hands deltas on in seq order per room, a run at a time: a run is one publication's deltas
 * (consecutive seqs of one room), delivered together so a screen gets them as one message.
 * With several processes publishing to one room, a run taken by one can reach another process
 * after a later run taken by a third; held for a moment, they go out in order and the screens
 * see no gap. A seq that never comes (its process died mid-publish) is given up after `waitMs`:
 * the screens then resync.
 */
export class InOrderDelivery {
  private readonly next = new Map<RoomName, number>()
  private readonly held = new Map<RoomName, Map<number, Delta[]>>()
  private readonly timers = new Map<RoomName, ReturnType<typeof setTimeout>>()

  constructor(
    private readonly deliver: (run: Delta[]) => void,
    private readonly waitMs = 300
  ) {}

  push(run: Delta[]) {
    if (!run.length) return
    const room = run[0].room
    const first = run[0].seq
    const expected = this.next.get(room)
    if (expected === undefined || first === expected) {
      this.emit(run)
      this.flush(room)
      return
    }
    if (first < expected) {
      // Late beyond the wait: the screens already resynced past it; passing it on is harmless.
      this.deliver(run)
      return
    }
    let held = this.held.get(room)
    if (!held) {
      held = new Map()
      this.held.set(room, held)
    }
    held.set(first, run)
    if (!this.timers.has(room)) {
      this.timers.set(
        room,
        setTimeout(() => this.giveUp(room), this.waitMs)
      )
    }
  }

  private emit(run: Delta[]) {
    const last = run[run.length - 1]
    this.next.set(last.room, last.seq + 1)
    this.deliver(run)
  }

  private flush(room: RoomName) {
    const held = this.held.get(room)
    while (held?.size) {
      const run = held.get(this.next.get(room)!)
      if (!run) return
      held.delete(run[0].seq)
      this.emit(run)
    }
    const timer = this.timers.get(room)
    if (timer) clearTimeout(timer)
    this.timers.delete(room)
  }

  private giveUp(room: RoomName) {
    this.timers.delete(room)
    const held = this.held.get(room)
    if (!held?.size) return
    this.next.set(room, Math.min(...held.keys()))
    this.flush(room)
    // Another hole further on: wait for it as long again.
    if (held.size) this.timers.set(room, setTimeout(() => this.giveUp(room), this.waitMs))
  }

  stop() {
    for (const timer of this.timers.values()) clearTimeout(timer)
    this.timers.clear()
  }
}
