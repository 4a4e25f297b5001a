import { windowCohort } from "./cycle-time"
import { reachedCount, type FlowDigest } from "./flow-digest"
import { prepareFlows, type FlowsInput } from "./prepared"
import { canceledBy, reachedBy, type FlowTimes } from "./stages"
import { hoursBetween, inChannels, toMs } from "./time"
import type { ChannelFilter, FinalStage, RhythmOptions, SlaStage, Window } from "./types"
import type { LateOrder, StageBreaches } from "../../../live-client/src/figures"
export type { LateOrder, StageBreaches }

const SLA_STAGES: readonly SlaStage[] = ["captured", "fulfilled", "shipped", "delivered"]
const FLOW_ORDER: readonly FinalStage[] = ["fulfilled", "shipped", "delivered"]

/**
 * The SLA stages a store's figures show: those with a target, up to its final stage (capture
 * stands outside that order and is always kept when it has a target).
 */
export function slaStagesShown(finalStage: FinalStage, slaHours: Partial<Record<SlaStage, number>>): SlaStage[] {
  const lastStage = FLOW_ORDER.indexOf(finalStage)
  return SLA_STAGES.filter((stage) => slaHours[stage] !== undefined && FLOW_ORDER.indexOf(stage as FinalStage) <= lastStage)
}

/** How many of the oldest open-and-late orders a stage lists. */
export const OLDEST_OPEN_LATE = 10

/** A stage's open-and-late orders, counted elsewhere (the store sums them in SQL: see OpenOrders). */
export type OpenLate = { openLate: number; oldestOpenLate: LateOrder[] }

/**
 * Breaches of per-stage targets (hours from placement; exactly on the target is on time).
 * Completed and completed-late look at the window's cohort, the orders placed in it, like the
 * cycle times next to them; open-and-late looks at every order still waiting at `now`, because
 * the worst breach is often an order placed long before any window a screen shows. Stages after
 * the store's final stage are skipped: a store that never marks delivery would otherwise show
 * every order as late for delivery. Payment capture stands outside that order (it may come
 * before or after fulfilment) and is always kept.
 *
 * `cohort`, when given, is the window's digest built with the same targets (stored blocks plus
 * raw edges); `flows` then only need to hold the open orders.
 */
export function slaBreaches(
  flows: FlowsInput,
  window: Window,
  nowUtc: string,
  options: Pick<RhythmOptions, "finalStage" | "slaHours"> & {
    channels?: ChannelFilter
    oldestLimit?: number
    cohort?: FlowDigest
    /** Each stage's open-and-late orders already counted; `flows` are then not read for them. */
    openLate?: Partial<Record<SlaStage, OpenLate>>
  }
): StageBreaches[] {
  const nowMs = toMs(nowUtc)
  const limit = options.oldestLimit ?? OLDEST_OPEN_LATE
  const cohort = options.cohort ?? windowCohort(flows, window, nowUtc, options.slaHours, options.channels)
  // Still waiting: placed by now and not at the final stage (an order that got there is done,
  // whatever it skipped on the way; the store's open-order sums count the same orders).
  const scoped = options.openLate
    ? []
    : prepareFlows(flows).items.filter(
        (t) => t.placed <= nowMs && inChannels(t.flow.channelId, options.channels) && reachedBy(t, options.finalStage, nowMs) === null
      )

  const result: StageBreaches[] = []
  for (const stage of slaStagesShown(options.finalStage, options.slaHours)) {
    const targetHours = options.slaHours[stage]!
    const open = options.openLate ? (options.openLate[stage] ?? { openLate: 0, oldestOpenLate: [] }) : openLateOf(scoped, stage, targetHours, nowMs)
    const reached = cohort.stages[stage]
    result.push({
      stage,
      targetHours,
      completed: reachedCount(reached),
      completedLate: reached.late,
      openLate: open.openLate,
      oldestOpenLate: open.oldestOpenLate.slice(0, limit),
    })
  }
  return result
}

/** Orders not at `stage` by now, not canceled, and older than its target: oldest first. */
function openLateOf(scoped: FlowTimes[], stage: SlaStage, targetHours: number, nowMs: number): OpenLate {
  const late: LateOrder[] = []
  for (const t of scoped) {
    if (reachedBy(t, stage, nowMs) !== null || canceledBy(t, nowMs)) continue
    const ageHours = hoursBetween(t.placed, nowMs)
    if (ageHours > targetHours) {
      const f = t.flow
      late.push({ orderId: f.orderId, channelId: f.channelId, placedAt: f.placedAt, ageHours, overHours: ageHours - targetHours })
    }
  }
  late.sort((a, b) => b.ageHours - a.ageHours || a.orderId.localeCompare(b.orderId))
  return { openLate: late.length, oldestOpenLate: late }
}
