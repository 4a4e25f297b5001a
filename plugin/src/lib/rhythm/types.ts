// Plain, serialisable shapes exchanged with the Medusa side. Instants are ISO strings (UTC
// preferred); numbers are plain numbers so the values go over REST and Socket.IO untouched.

import type { Stage, FinalStage, SlaStage } from "../../../live-client/src/figures"
export type { Stage, FinalStage, SlaStage }

/** One hour x sales channel aggregate, keyed by the UTC start of the hour. */
export type HourBucket = {
  hourStartUtc: string
  channelId: string
  orders: number
  units: number
  /** currency code (lower case) -> amount in currency units (decimal, not cents) */
  revenue: Record<string, number>
  fulfilments: number
  /** Units fulfilled in the hour; optional so buckets without it still work (units/hour is then null). */
  fulfilledUnits?: number
  cancellations: number
  returns: number
}

/** One order's path through its stages. */
export type OrderFlow = {
  orderId: string
  channelId: string
  placedAt: string
  canceledAt?: string | null
  /** first payment capture; only the "captured" SLA target reads it */
  capturedAt?: string | null
  firstFulfilledAt?: string | null
  /** the fulfilment that completed the order */
  fullyFulfilledAt?: string | null
  /** first shipment */
  shippedAt?: string | null
  deliveredAt?: string | null
  units: number
}

export type RhythmOptions = {
  /** IANA zone of the store; hours and days are local to it */
  timezone: string
  finalStage: FinalStage
  /** target hours from placement, per stage */
  slaHours: Partial<Record<SlaStage, number>>
}

/** Half-open interval [fromUtc, toUtc). */
export type Window = { fromUtc: string; toUtc: string }

/** Which sales channels to count: undefined = all; an empty list = none (a scoped screen with no channel sees nothing). */
export type ChannelFilter = readonly string[] | undefined
