import { digestFlows, digestQuantile, reachedCount, type FlowDigest } from "./flow-digest"
import { prepareFlows, type FlowsInput } from "./prepared"
import { inChannels, toMs } from "./time"
import type { ChannelFilter, FinalStage, SlaStage, Stage, Window } from "./types"
import type { CycleTime, CycleTimes } from "../../../live-client/src/figures"
export type { CycleTime, CycleTimes }

/** Placed-to-stage times over the orders placed within the window, as seen at `now`. */
export function cycleTimes(
  flows: FlowsInput,
  window: Window,
  nowUtc: string,
  finalStage: FinalStage,
  channels?: ChannelFilter
): CycleTimes {
  return cycleTimesOf(windowCohort(flows, window, nowUtc, {}, channels), finalStage)
}

/** The cycle times of a cohort already reduced to its digest (stored blocks plus raw edges). */
export function cycleTimesOf(cohort: FlowDigest, finalStage: FinalStage): CycleTimes {
  const of = (stage: Stage): CycleTime => {
    const digest = cohort.stages[stage]
    return {
      p50: digestQuantile(digest, 0.5),
      p90: digestQuantile(digest, 0.9),
      n: reachedCount(digest),
      pending: digest.pending,
    }
  }
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

/** The digest of the orders placed in the window (and by now) in these channels. */
export function windowCohort(
  flows: FlowsInput,
  window: Window,
  nowUtc: string,
  slaHours: Partial<Record<SlaStage, number>>,
  channels?: ChannelFilter
): FlowDigest {
  const fromMs = toMs(window.fromUtc)
  const toMsExcl = toMs(window.toUtc)
  const items = prepareFlows(flows).items.filter((t) => t.placed >= fromMs && t.placed < toMsExcl && inChannels(t.flow.channelId, channels))
  return digestFlows({ kind: "preparedFlows", items }, toMs(nowUtc), slaHours)
}
