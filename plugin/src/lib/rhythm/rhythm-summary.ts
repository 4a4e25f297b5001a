import { backlogAt, type Backlog } from "./backlog"
import { cycleTimesOf, windowCohort, type CycleTimes } from "./cycle-time"
import type { FlowDigest } from "./flow-digest"
import type { OpenOrders } from "./open-orders"
import { seasonalProfileCurve, type ExpectedCurve } from "./expected-curve"
import { flowRates, type FlowRates } from "./flow-rates"
import { prepareBuckets, prepareFlows, type BucketsInput, type FlowsInput } from "./prepared"
import { heatMapFromTotals, hourOfWeekHeatMap, type HeatMap } from "./heat-map"
import { slaBreaches, type StageBreaches } from "./sla-breaches"
import { toMs } from "./time"
import { todayIntake, type TodayIntake } from "./today-intake"
import type { ChannelFilter, FinalStage, RhythmOptions, Window } from "./types"

export type RhythmInput = {
  buckets: BucketsInput
  flows: FlowsInput
  /**
   * The window's counters when they are read apart from `buckets` (e.g. one row per local day
   * instead of per hour over a long window): the rates count these. Default: `buckets`.
   */
  windowBuckets?: BucketsInput
  /**
   * The window's cohort (orders placed in it) already digested, e.g. from stored blocks, built
   * with the same SLA targets; `flows` then only need the open orders. Default: from `flows`.
   */
  cohort?: FlowDigest
  /**
   * The open orders' backlog and open-and-late figures already counted (see OpenOrders); with
   * `cohort` as well, `flows` are not needed at all. Default: from `flows`.
   */
  open?: OpenOrders
  /**
   * Orders per local hour-of-week over the heat map's window for these channels, already summed
   * (see hourOfWeekTotals); `buckets` then need not hold the heat map's hours. Default: from `buckets`.
   */
  heatTotals?: ArrayLike<number>
}

export type RhythmSummaryOptions = RhythmOptions & {
  /** rates, cycle times and completed SLA figures; also the heat map unless heatMapWindow is given */
  window: Window
  channels?: ChannelFilter
  heatMapWindow?: Window
  /** replaces the seasonal profile (the demand forecasts' curve) */
  expectedCurve?: ExpectedCurve
  expectedWeeks?: number
  /** when the aggregates start being complete (install or backfill start) */
  coverageStartUtc?: string
  ageEdgesHours?: readonly number[]
  oldestLimit?: number
}

/** One value per key, so the wall can stream each key as an absolute value. */
export type RhythmSummary = {
  at: string
  timezone: string
  finalStage: FinalStage
  window: Window
  rates: FlowRates
  backlog: Backlog
  cycleTimes: CycleTimes
  sla: StageBreaches[]
  heatMap: HeatMap
  today: TodayIntake
}

export function rhythmSummary(input: RhythmInput, nowUtc: string, options: RhythmSummaryOptions): RhythmSummary {
  assertWindow(options.window, "window")
  if (options.heatMapWindow) assertWindow(options.heatMapWindow, "heatMapWindow")
  const channels: ChannelFilter = options.channels
  const buckets = prepareBuckets(input.buckets)
  const flows = prepareFlows(input.flows)
  const cohort = input.cohort ?? windowCohort(flows, options.window, nowUtc, options.slaHours, channels)
  const curve =
    options.expectedCurve ??
    seasonalProfileCurve(buckets, {
      weeks: options.expectedWeeks,
      channels,
      coverageStartUtc: options.coverageStartUtc,
    })
  return {
    at: nowUtc,
    timezone: options.timezone,
    finalStage: options.finalStage,
    window: options.window,
    rates: flowRates(input.windowBuckets ?? buckets, options.window, nowUtc, channels),
    backlog: input.open?.backlog ?? backlogAt(flows, nowUtc, options.finalStage, { channels, ageEdgesHours: options.ageEdgesHours }),
    cycleTimes: cycleTimesOf(cohort, options.finalStage),
    sla: slaBreaches(flows, options.window, nowUtc, {
      finalStage: options.finalStage,
      slaHours: options.slaHours,
      channels,
      oldestLimit: options.oldestLimit,
      cohort,
      openLate: input.open?.late,
    }),
    heatMap: input.heatTotals
      ? heatMapFromTotals(input.heatTotals, options.heatMapWindow ?? options.window, options.timezone)
      : hourOfWeekHeatMap(buckets, options.heatMapWindow ?? options.window, options.timezone, { channels }),
    today: todayIntake(buckets, nowUtc, options.timezone, curve, { channels }),
  }
}

function assertWindow(w: Window, name: string): void {
  if (toMs(w.fromUtc) > toMs(w.toUtc)) throw new RangeError(`${name}: fromUtc is after toUtc`)
}
