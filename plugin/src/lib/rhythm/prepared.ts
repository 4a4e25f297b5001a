import { flowTimes, type FlowTimes } from "./stages"
import { toMs } from "./time"
import type { HourBucket, OrderFlow } from "./types"

// Every figure accepts the raw arrays, or the same data prepared once (timestamps parsed) so
// that rhythmSummary, or a caller that keeps its input between requests, parses each instant once.

export type TimedBucket = { bucket: HourBucket; ms: number }
export type PreparedBuckets = { readonly kind: "preparedBuckets"; readonly items: readonly TimedBucket[] }
export type PreparedFlows = { readonly kind: "preparedFlows"; readonly items: readonly FlowTimes[] }
export type BucketsInput = readonly HourBucket[] | PreparedBuckets
export type FlowsInput = readonly OrderFlow[] | PreparedFlows

export function prepareBuckets(buckets: BucketsInput): PreparedBuckets {
  return isArray(buckets)
    ? { kind: "preparedBuckets", items: buckets.map((bucket) => ({ bucket, ms: toMs(bucket.hourStartUtc) })) }
    : buckets
}

export function prepareFlows(flows: FlowsInput): PreparedFlows {
  return isArray(flows) ? { kind: "preparedFlows", items: flows.map(flowTimes) } : flows
}

// Array.isArray does not narrow readonly arrays out of a union.
function isArray<T>(x: readonly T[] | object): x is readonly T[] {
  return Array.isArray(x)
}
