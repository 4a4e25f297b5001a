// Shared builders for the rhythm tests (not exported from index.ts).
import type { HourBucket, OrderFlow } from "../types"

const H = 3_600_000

/** ISO instant `hours` after `base`. */
export function at(base: string, hours: number): string {
  return new Date(Date.parse(base) + hours * H).toISOString()
}

export function flow(orderId: string, placedAt: string, stages: Partial<OrderFlow> = {}): OrderFlow {
  return { orderId, channelId: "web", placedAt, units: 1, ...stages }
}

export function bucket(hourStartUtc: string, orders: number, channelId = "web", units = orders): HourBucket {
  return { hourStartUtc, channelId, orders, units, revenue: {}, fulfilments: 0, cancellations: 0, returns: 0 }
}
