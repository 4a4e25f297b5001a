import { prepareBuckets, type BucketsInput } from "./prepared"
import type { ChannelFilter, Window } from "./types"
import { hoursBetween, inChannels, toMs } from "./time"
import type { FlowRates } from "../../../live-client/src/figures"
export type { FlowRates }

/**
 * Intake (orders placed) and fulfilment rates over a window, per hour. Buckets count when their
 * hour starts inside [from, min(to, now)); the divisor is the elapsed time of that span, so the
 * hour in progress counts with its elapsed fraction rather than as a whole hour of zeros.
 */
export function flowRates(
  buckets: BucketsInput,
  window: Window,
  nowUtc: string,
  channels?: ChannelFilter
): FlowRates {
  const fromMs = toMs(window.fromUtc)
  const endMs = Math.min(toMs(window.toUtc), toMs(nowUtc))
  const hours = Math.max(0, hoursBetween(fromMs, endMs))
  let orders = 0
  let units = 0
  let fulfilments = 0
  let fulfilledUnits: number | null = 0
  for (const { bucket: b, ms } of prepareBuckets(buckets).items) {
    if (ms < fromMs || ms >= endMs || !inChannels(b.channelId, channels)) continue
    orders += b.orders
    units += b.units
    fulfilments += b.fulfilments
    fulfilledUnits = fulfilledUnits === null || b.fulfilledUnits === undefined ? null : fulfilledUnits + b.fulfilledUnits
  }
  const per = (n: number) => (hours > 0 ? n / hours : 0)
  return {
    hours,
    intake: { orders, units, ordersPerHour: per(orders), unitsPerHour: per(units) },
    fulfilment: {
      fulfilments,
      fulfilmentsPerHour: per(fulfilments),
      units: fulfilledUnits,
      unitsPerHour: fulfilledUnits === null ? null : per(fulfilledUnits),
    },
  }
}
