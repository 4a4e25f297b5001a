import type { Delta } from "../../../live-client/src/protocol"

/**
 * The last deltas of one room, so a screen that blinked can be given exactly what it
 * missed. Bounded: a gap older than the buffer gets a fresh snapshot instead.
 */
export class ReplayBuffer {
  private readonly deltas: Delta[] = []

  constructor(private readonly capacity = 1000) {}

  push(delta: Delta) {
    this.deltas.push(delta)
    if (this.deltas.length > this.capacity) {
      this.deltas.splice(0, this.deltas.length - this.capacity)
    }
  }

  /**
   * The deltas after `seq`, in order, or null when some of them are no longer held. The
   * current seq is passed so "nothing missed" and "missed more than we hold" differ.
   */
  since(seq: number, currentSeq: number): Delta[] | null {
    if (seq === currentSeq) {
      return []
    }
    // A screen ahead of the room has seen another life of it (a restart): it needs a snapshot.
    if (seq > currentSeq) {
      return null
    }
    const first = this.deltas[0]
    if (!first || first.seq > seq + 1) {
      return null
    }
    return this.deltas.filter((delta) => delta.seq > seq)
  }
}
