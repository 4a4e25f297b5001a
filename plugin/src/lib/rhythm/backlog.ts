import { ascending, percentileOfSorted } from "./percentile"
import { prepareFlows, type FlowsInput } from "./prepared"
import { canceledBy, flowTimes, reachedBy, type FlowTimes } from "./stages"
import { hoursBetween, inChannels, toMs } from "./time"
import type { ChannelFilter, FinalStage, OrderFlow } from "./types"
import type { AgeBucket, Backlog } from "../../../live-client/src/figures"
export type { AgeBucket, Backlog }

/** Same-shift, same-day, next-day, two days, three days, a week: the ages a floor lead acts on. */
export const DEFAULT_AGE_EDGES_HOURS: readonly number[] = [0, 4, 8, 24, 48, 72, 168]

/** Orders that are open at `now`: placed by then, not canceled by then, not at the final stage by then. */
export function isOpenAt(flow: OrderFlow, nowUtc: string, finalStage: FinalStage): boolean {
  return openAt(flowTimes(flow), toMs(nowUtc), finalStage)
}

function openAt(t: FlowTimes, nowMs: number, finalStage: FinalStage): boolean {
  return t.placed <= nowMs && !canceledBy(t, nowMs) && reachedBy(t, finalStage, nowMs) === null
}

export function backlogAt(
  flows: FlowsInput,
  nowUtc: string,
  finalStage: FinalStage,
  options: {
    channels?: ChannelFilter
    /** lower edges of the age buckets in hours; start at 0 or younger orders fall in no bucket */
    ageEdgesHours?: readonly number[]
  } = {}
): Backlog {
  const nowMs = toMs(nowUtc)
  const edges = ascending(options.ageEdgesHours ?? DEFAULT_AGE_EDGES_HOURS)
  const ageBuckets: AgeBucket[] = edges.map((from, i) => ({
    fromHours: from,
    toHours: i + 1 < edges.length ? edges[i + 1] : null,
    orders: 0,
    units: 0,
  }))
  const ages: number[] = []
  let units = 0
  for (const t of prepareFlows(flows).items) {
    if (!inChannels(t.flow.channelId, options.channels) || !openAt(t, nowMs, finalStage)) continue
    const age = hoursBetween(t.placed, nowMs)
    ages.push(age)
    units += t.flow.units
    const bucket = findLast(ageBuckets, (b) => age >= b.fromHours)
    if (bucket) {
      bucket.orders += 1
      bucket.units += t.flow.units
    }
  }
  const sorted = ascending(ages)
  return {
    orders: sorted.length,
    units,
    ageHours: {
      p50: percentileOfSorted(sorted, 0.5),
      p90: percentileOfSorted(sorted, 0.9),
      max: sorted.length ? sorted[sorted.length - 1] : null,
    },
    ageBuckets,
  }
}

function findLast<T>(xs: readonly T[], ok: (x: T) => boolean): T | undefined {
  for (let i = xs.length - 1; i >= 0; i--) if (ok(xs[i])) return xs[i]
  return undefined
}
