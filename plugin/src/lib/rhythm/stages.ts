import type { OrderFlow, Stage } from "./types"
import { toMs, toMsOrNull } from "./time"

// When a stage's own timestamp is missing, a later stage can still prove it happened: nothing is
// shipped or delivered without a fulfilment, and nothing delivered without being shipped (some
// stores mark delivery straight away). A shipment does NOT prove full fulfilment: shippedAt is the
// first shipment, which may carry part of the order.
const PROVEN_BY: Record<Stage, readonly Stage[]> = {
  captured: [],
  firstFulfilled: ["fulfilled", "shipped", "delivered"],
  fulfilled: [],
  shipped: ["delivered"],
  delivered: [],
}

/** One order's instants as epoch ms, parsed once and shared by every figure. */
export type FlowTimes = {
  flow: OrderFlow
  placed: number
  canceled: number | null
  /** earliest moment the order is known to have reached each stage, or null */
  reached: Record<Stage, number | null>
}

export function flowTimes(flow: OrderFlow): FlowTimes {
  const own: Record<Stage, number | null> = {
    captured: toMsOrNull(flow.capturedAt),
    firstFulfilled: toMsOrNull(flow.firstFulfilledAt),
    fulfilled: toMsOrNull(flow.fullyFulfilledAt),
    shipped: toMsOrNull(flow.shippedAt),
    delivered: toMsOrNull(flow.deliveredAt),
  }
  const reached = { ...own }
  for (const stage of Object.keys(PROVEN_BY) as Stage[]) {
    for (const later of PROVEN_BY[stage]) {
      const ms = own[later]
      const best = reached[stage]
      if (ms !== null && (best === null || ms < best)) reached[stage] = ms
    }
  }
  return { flow, placed: toMs(flow.placedAt), canceled: toMsOrNull(flow.canceledAt), reached }
}

/** The earliest moment the order is known to have reached `stage`, or null if it has not. */
export function stageReachedMs(flow: OrderFlow, stage: Stage): number | null {
  return flowTimes(flow).reached[stage]
}

/** Reached by `nowMs`: a timestamp after `now` has not happened yet from now's point of view. */
export function reachedBy(t: FlowTimes, stage: Stage, nowMs: number): number | null {
  const ms = t.reached[stage]
  return ms !== null && ms <= nowMs ? ms : null
}

export function canceledBy(t: FlowTimes, nowMs: number): boolean {
  return t.canceled !== null && t.canceled <= nowMs
}
