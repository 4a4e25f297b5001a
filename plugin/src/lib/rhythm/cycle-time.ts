import { ascending, percentileOfSorted } from "./percentile"
import { prepareFlows, type FlowsInput } from "./prepared"
import { canceledBy, reachedBy, type FlowTimes } from "./stages"
import { hoursBetween, inChannels, toMs } from "./time"
import type { ChannelFilter, FinalStage, Stage, Window } from "./types"

export type CycleTime = {
  /** hours from placed to the stage */
  p50: number | null
  p90: number | null
  /** orders that reached the stage */
  n: number
  /**
   * Orders placed in the window, not canceled, that have not reached the stage yet. The
   * percentiles only see finished orders, so a large `pending` next to a fresh window means they
   * read short (the slow ones are still out).
   */
  pending: number
}

export type CycleTimes = {
  firstFulfilment: CycleTime
  fullFulfilment: CycleTime
  shipment: CycleTime
  delivery: CycleTime
  final: CycleTime & { stage: FinalStage }
}

/** Placed-to-stage times over the orders placed within the window, as seen at `now`. */
export function cycleTimes(
  flows: FlowsInput,
  window: Window,
  nowUtc: string,
  finalStage: FinalStage,
  channels?: ChannelFilter
): CycleTimes {
  const fromMs = toMs(window.fromUtc)
  const toMsExcl = toMs(window.toUtc)
  const nowMs = toMs(nowUtc)
  const cohort = prepareFlows(flows).items.filter(
    (t) => t.placed >= fromMs && t.placed < toMsExcl && t.placed <= nowMs && inChannels(t.flow.channelId, channels)
  )
  const of = (stage: Stage) => stageCycleTime(cohort, stage, nowMs)
  const byStage = {
    firstFulfilled: of("firstFulfilled"),
    fulfilled: of("fulfilled"),
    shipped: of("shipped"),
    delivered: of("delivered"),
  }
  return {
    firstFulfilment: byStage.firstFulfilled,
    fullFulfilment: byStage.fulfilled,
    shipment: byStage.shipped,
    delivery: byStage.delivered,
    final: { stage: finalStage, ...byStage[finalStage] },
  }
}

function stageCycleTime(cohort: readonly FlowTimes[], stage: Stage, nowMs: number): CycleTime {
  const hours: number[] = []
  let pending = 0
  for (const t of cohort) {
    const reached = reachedBy(t, stage, nowMs)
    if (reached === null) {
      if (!canceledBy(t, nowMs)) pending += 1
      continue
    }
    const h = hoursBetween(t.placed, reached)
    // A stage before placement is a data error (clock skew, a backfill that mixed sources), not
    // a zero-hour cycle: leave it out rather than flatter the percentiles.
    if (h >= 0) hours.push(h)
  }
  const sorted = ascending(hours)
  return {
    p50: percentileOfSorted(sorted, 0.5),
    p90: percentileOfSorted(sorted, 0.9),
    n: sorted.length,
    pending,
  }
}
