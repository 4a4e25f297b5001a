import { prepareFlows, type FlowsInput } from "./prepared"
import { canceledBy, reachedBy } from "./stages"
import { hoursBetween } from "./time"
import type { SlaStage, Stage } from "./types"

// A cohort of orders reduced to what the cycle-time and SLA figures need, small enough to store
// per hour and add up over a year: per stage, a histogram of placed-to-stage hours on logarithmic
// bins (the DDSketch mapping, Masson et al. 2019: every value within DIGEST_RELATIVE_ERROR of the
// bin's representative), the orders still waiting for the stage, and the late ones against the
// SLA targets it was built with. Counts are exact; only percentiles are rounded to the bin.
// Digests of disjoint cohorts merge by adding, so a window's cohort is the sum of the stored
// blocks it covers (see time-blocks) and the few raw orders at its edges.

/** Percentiles read from a digest are within this relative error of the exact ones. */
export const DIGEST_RELATIVE_ERROR = 0.01
const GAMMA = (1 + DIGEST_RELATIVE_ERROR) / (1 - DIGEST_RELATIVE_ERROR)
const LOG_GAMMA = Math.log(GAMMA)
/** Below a second a cycle time is zero (a stage recorded together with the placement). */
const ZERO_HOURS = 1 / 3600

export const DIGEST_STAGES: readonly Stage[] = ["captured", "firstFulfilled", "fulfilled", "shipped", "delivered"]

export type StageDigest = {
  /** bin index of counts[0] */
  offset: number
  /** orders per bin, dense from offset */
  counts: number[]
  /** orders that reached the stage at the moment they were placed */
  zero: number
  /** placed, not canceled, not at the stage yet */
  pending: number
  /** reached the stage later than the SLA target it was built with (0 without a target) */
  late: number
}

export type FlowDigest = { orders: number; stages: Record<Stage, StageDigest> }

export function emptyDigest(): FlowDigest {
  const stages = {} as Record<Stage, StageDigest>
  for (const stage of DIGEST_STAGES) stages[stage] = { offset: 0, counts: [], zero: 0, pending: 0, late: 0 }
  return { orders: 0, stages }
}

export function binOf(hours: number): number {
  return Math.ceil(Math.log(hours) / LOG_GAMMA)
}

/** The bin's representative: the point with equal relative distance to both of its edges. */
export function binValue(bin: number): number {
  return (2 * Math.pow(GAMMA, bin)) / (GAMMA + 1)
}

/**
 * The digest of these orders as seen at `nowMs`: stages after now are pending, and a stage
 * before placement is a data error left out, as in the exact figures.
 */
export function digestFlows(flows: FlowsInput, nowMs: number, slaHours: Partial<Record<SlaStage, number>>): FlowDigest {
  const digest = emptyDigest()
  const bins = new Map<Stage, Map<number, number>>(DIGEST_STAGES.map((stage) => [stage, new Map()]))
  for (const t of prepareFlows(flows).items) {
    if (t.placed > nowMs) continue
    digest.orders += 1
    for (const stage of DIGEST_STAGES) {
      const into = digest.stages[stage]
      const reached = reachedBy(t, stage, nowMs)
      if (reached === null) {
        if (!canceledBy(t, nowMs)) into.pending += 1
        continue
      }
      const hours = hoursBetween(t.placed, reached)
      if (hours < 0) continue
      const target = slaHours[stage as SlaStage]
      if (target !== undefined && hours > target) into.late += 1
      if (hours < ZERO_HOURS) into.zero += 1
      else {
        const stageBins = bins.get(stage)!
        const bin = binOf(hours)
        stageBins.set(bin, (stageBins.get(bin) ?? 0) + 1)
      }
    }
  }
  for (const stage of DIGEST_STAGES) Object.assign(digest.stages[stage], denseBins(bins.get(stage)!))
  return digest
}

function denseBins(bins: Map<number, number>): { offset: number; counts: number[] } {
  if (!bins.size) return { offset: 0, counts: [] }
  const keys = [...bins.keys()]
  const offset = Math.min(...keys)
  const counts = new Array<number>(Math.max(...keys) - offset + 1).fill(0)
  for (const [bin, count] of bins) counts[bin - offset] = count
  return { offset, counts }
}

/** The digest of the union of disjoint cohorts. */
export function mergeDigests(digests: readonly FlowDigest[]): FlowDigest {
  const merged = emptyDigest()
  for (const stage of DIGEST_STAGES) {
    const parts = digests.map((d) => d.stages[stage]).filter(Boolean)
    const filled = parts.filter((p) => p.counts.length)
    const into = merged.stages[stage]
    if (filled.length) {
      const offset = Math.min(...filled.map((p) => p.offset))
      const end = Math.max(...filled.map((p) => p.offset + p.counts.length))
      into.offset = offset
      into.counts = new Array<number>(end - offset).fill(0)
      for (const p of filled) for (let i = 0; i < p.counts.length; i++) into.counts[p.offset - offset + i] += p.counts[i]
    }
    for (const p of parts) {
      into.zero += p.zero
      into.pending += p.pending
      into.late += p.late
    }
  }
  for (const d of digests) merged.orders += d.orders
  return merged
}

/** Orders that reached the stage. */
export function reachedCount(stage: StageDigest): number {
  let n = stage.zero
  for (const c of stage.counts) n += c
  return n
}

/**
 * The p-quantile (p in [0, 1]) of the stage's hours with the rhythm engine's one definition
 * (linear between closest ranks, Hyndman & Fan type 7), each value read as its bin's
 * representative; null when no order reached the stage.
 */
export function digestQuantile(stage: StageDigest, p: number): number | null {
  const n = reachedCount(stage)
  if (n === 0) return null
  const h = (n - 1) * Math.min(1, Math.max(0, p))
  const lo = Math.floor(h)
  const low = valueAtRank(stage, lo)
  return h === lo ? low : low + (h - lo) * (valueAtRank(stage, lo + 1) - low)
}

/** The value of the rank-th smallest hour (0-based). */
function valueAtRank(stage: StageDigest, rank: number): number {
  if (rank < stage.zero) return 0
  let seen = stage.zero
  for (let i = 0; i < stage.counts.length; i++) {
    seen += stage.counts[i]
    if (rank < seen) return binValue(stage.offset + i)
  }
  return binValue(stage.offset + stage.counts.length - 1)
}
