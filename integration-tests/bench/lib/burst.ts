import { now } from "../live/rpc"

export const BURST_TICK_MS = 50

/**
 * Emits `order.placed` for the ids through Medusa's event bus at `perSecond`, in ticks of
 * 50 ms on a fixed schedule (a late tick does not shift the ones after it). Returns, per
 * tick, how many it emitted, when it started (epoch ms) and when the emit returned
 * (the rpc clock, comparable with the clients').
 */
export async function emitPlacedOnSchedule(
  eventBus: { emit(events: Array<{ name: string; data: unknown }>): Promise<unknown> },
  ids: string[],
  perSecond: number
): Promise<Array<{ count: number; startedAtEpoch: number; doneAt: number }>> {
  const perTick = Math.max(1, Math.round((perSecond * BURST_TICK_MS) / 1000))
  const start = now()
  const ticks: Array<{ count: number; startedAtEpoch: number; doneAt: number }> = []
  for (let i = 0, tick = 0; i < ids.length; i += perTick, tick++) {
    const wait = start + tick * BURST_TICK_MS - now()
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
    const slice = ids.slice(i, i + perTick)
    const startedAtEpoch = Date.now()
    await eventBus.emit(slice.map((id) => ({ name: "order.placed", data: { id } })))
    ticks.push({ count: slice.length, startedAtEpoch, doneAt: now() })
  }
  return ticks
}
