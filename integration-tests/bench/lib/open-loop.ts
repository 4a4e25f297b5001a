import { now } from "../live/rpc"

export type Arrival<T> = {
  /** When the schedule said to send it, when it was sent and when its answer was in (rpc clock). */
  scheduledAt: number
  sentAt: number
  doneAt: number
  ok: boolean
  result?: T
  error?: string
}

/**
 * Sends one request per `1000 / perSecond` ms by the wall clock, open loop: a slow answer
 * does not delay the next request (a closed loop would slow down exactly when the server
 * does, and hide it). Each request is timed from when it was sent; `sentAt - scheduledAt`
 * says whether this client kept to its schedule, so a busy client shows instead of
 * passing for a slow server. Resolves once every answer is in.
 */
export async function openLoop<T>(count: number, perSecond: number, send: (index: number) => Promise<T>): Promise<Array<Arrival<T>>> {
  const interval = 1000 / perSecond
  const start = now()
  const pending: Array<Promise<Arrival<T>>> = []
  for (let i = 0; i < count; i++) {
    const scheduledAt = start + i * interval
    const wait = scheduledAt - now()
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
    const sentAt = now()
    pending.push(
      send(i).then(
        (result) => ({ scheduledAt, sentAt, doneAt: now(), ok: true, result }),
        (error) => ({ scheduledAt, sentAt, doneAt: now(), ok: false, error: String(error?.message ?? error).slice(0, 300) })
      )
    )
  }
  return Promise.all(pending)
}

/** Arrivals per second actually sent: count over the span from the first send to the last, per interval. */
export function achievedRate(arrivals: Array<Arrival<unknown>>): number {
  if (arrivals.length < 2) return NaN
  const sent = arrivals.map((a) => a.sentAt)
  return ((arrivals.length - 1) * 1000) / (Math.max(...sent) - Math.min(...sent))
}
