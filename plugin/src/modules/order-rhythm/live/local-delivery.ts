import type { Namespace } from "socket.io"
import { Delta, ReplayBuffer, RoomName } from "../../../lib/live"

/**
 * Hands each room's deltas to this process's screens, in seq order, and remembers the last
 * ones it handed out. A screen being connected is brought from its snapshot to the live stream
 * with what this process delivered meanwhile, in the same synchronous step as the snapshot:
 * no live delta can slip in between. (When the catch-up was read from the room store after the
 * snapshot went out, a delta published during that read reached the screen before the older
 * ones it was still waiting for, and looked like a gap: the screen resynced for nothing.)
 */
export class LocalDelivery {
  private readonly rooms = new Map<RoomName, { seq: number; recent: ReplayBuffer }>()

  constructor(
    private readonly nsp: Namespace,
    private readonly capacity = 1000
  ) {}

  /** One room's deltas, in seq order, to its screens as one message. */
  deliver(deltas: Delta[]) {
    if (!deltas.length) return
    const name = deltas[0].room
    let room = this.rooms.get(name)
    if (!room) {
      room = { seq: 0, recent: new ReplayBuffer(this.capacity) }
      this.rooms.set(name, room)
    }
    for (const delta of deltas) {
      // A straggler the in-order delivery gave up on is passed to the screens (harmless: they
      // hold newer seqs) but not remembered out of order.
      if (delta.seq <= room.seq) continue
      room.recent.push(delta)
      room.seq = delta.seq
    }
    this.nsp.to(name).local.emit("delta", ...deltas)
  }

  /**
   * What this process delivered to `room` after `seq`: empty when it delivered nothing past it
   * (anything later is still on its way and reaches the screen live), null when it no longer
   * holds all of it.
   */
  after(name: RoomName, seq: number): Delta[] | null {
    const room = this.rooms.get(name)
    if (!room || room.seq <= seq) return []
    return room.recent.since(seq, room.seq)
  }
}
