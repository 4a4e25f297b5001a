import { now } from "../live/rpc"

/**
 * Emits `order.placed` for the ids through Medusa's event bus at `perSecond`, on a fixed
 * schedule (a late tick does not shift the ones after it): ticks of 50 ms, or one order per
 * tick below 20 a second, each sending what the rate owes by its end, so the rate holds
 * below 20/s too. Returns the tick length and, per tick, how many it emitted, when it
 * started (epoch ms) and when the emit returned (the rpc clock, comparable with the clients').
 */
export async function emitPlacedOnSchedule(
  eventBus: { emit(events: Array<{ name: string; data: unknown }>): Promise<unknown> },
  ids: string[],
  perSecond: number
): Promise<{ tickMs: number; ticks: Array<{ count: number; startedAtEpoch: number; doneAt: number }> }> {
  const tickMs = Math.max(50, 1000 / perSecond)
  const start = now()
  const ticks: Array<{ count: number; startedAtEpoch: number; doneAt: number }> = []
  for (let sent = 0, tick = 0; sent < ids.length; tick++) {
    const wait = start + tick * tickMs - now()
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
    const owed = Math.min(ids.length, Math.floor(((tick + 1) * tickMs * perSecond) / 1000 + 1e-9))
    if (owed <= sent) continue
    const slice = ids.slice(sent, owed)
    sent = owed
    const startedAtEpoch = Date.now()
    await eventBus.emit(slice.map((id) => ({ name: "order.placed", data: { id } })))
    ticks.push({ count: slice.length, startedAtEpoch, doneAt: now() })
  }
  return { tickMs, ticks }
}
