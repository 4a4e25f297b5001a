import { disjointWindows, ExpectedCurve, FlowDigest, Granularity, HourBucket, OrderFlow, rhythmSeries, rhythmSummary, Window } from "../../../lib/rhythm"
import type { PluginOptions } from "../../../lib/options"
import { convertDays, RateBook, sumAmounts } from "../../../lib/money"
import type { RhythmReadFilter } from "../store/read-rhythm"

const HOUR_MS = 3_600_000
const WEEK_MS = 7 * 24 * HOUR_MS

export type RhythmParams = {
  nowUtc: string
  fromUtc: string
  toUtc: string
  granularity: Granularity
  channels?: string[]
  locationId?: string
}

export type RhythmInputReader = (
  filter: RhythmReadFilter & {
    nowUtc: string
    /** disjoint spans whose hour buckets the figures read */
    hourRanges: Window[]
    /** the window's counters as one row per local day (day granularity) instead of per hour */
    windowByDay: boolean
  }
) => Promise<{
  buckets: HourBucket[]
  /** present when windowByDay: the window's day rows (see store/read-rhythm readDayBuckets) */
  windowBuckets?: HourBucket[]
  /** all open orders, and the window's orders unless `cohort` stands for them */
  flows: OrderFlow[]
  /** the window's cohort from stored digests (see store/flow-digests) */
  cohort?: FlowDigest
  coverageStartUtc: string | undefined
  rateBook: RateBook | null
}>

/**
 * The rhythm of a window as the REST API and the wall read it: the engine's summary
 * plus the per-hour or per-day series. The heat map covers the eight weeks up to the
 * window's end, so each hour-of-week cell averages enough occurrences to show a shape.
 *
 * Hours are read only where a figure looks at them: the heat map's eight weeks, the nine
 * weeks up to now that today's expected curve learns from, and the window itself when the
 * series is per hour. A per-day series and the rates take the window as one row per local
 * day, so a year costs 365 rows per channel, not 8,760.
 */
export async function rhythmReport(
  options: Pick<PluginOptions, "timezone" | "finalStage" | "slaHours">,
  read: RhythmInputReader,
  params: RhythmParams,
  /** Today's expected curve from elsewhere (the demand forecasts); none keeps the seasonal profile. */
  expectedCurve?: (input: { buckets: HourBucket[]; coverageStartUtc: string | undefined }) => Promise<ExpectedCurve | undefined>
) {
  const heatFromUtc = new Date(Date.parse(params.toUtc) - 8 * WEEK_MS).toISOString()
  const nowMs = Date.parse(params.nowUtc)
  const window = { fromUtc: params.fromUtc, toUtc: params.toUtc }
  const windowByDay = params.granularity === "day"
  const hourRanges = disjointWindows([
    { fromUtc: heatFromUtc, toUtc: params.toUtc },
    // Today's expected curve looks back eight weeks from now (nine cover today's local day).
    { fromUtc: new Date(nowMs - 9 * WEEK_MS).toISOString(), toUtc: new Date(nowMs + HOUR_MS).toISOString() },
    ...(windowByDay ? [] : [window]),
  ])
  const input = await read({
    fromUtc: params.fromUtc,
    toUtc: params.toUtc,
    channels: params.channels,
    locationId: params.locationId,
    finalStage: options.finalStage,
    nowUtc: params.nowUtc,
    hourRanges,
    windowByDay,
  })
  const summary = rhythmSummary({ buckets: input.buckets, flows: input.flows, windowBuckets: input.windowBuckets, cohort: input.cohort }, params.nowUtc, {
    expectedCurve: await expectedCurve?.(input),
    timezone: options.timezone,
    finalStage: options.finalStage,
    slaHours: options.slaHours,
    window,
    channels: params.channels,
    heatMapWindow: { fromUtc: heatFromUtc, toUtc: params.toUtc },
    coverageStartUtc: input.coverageStartUtc,
  })
  const series = rhythmSeries(input.windowBuckets ?? input.buckets, window, options.timezone, params.granularity, params.channels)
  return { ...summary, granularity: params.granularity, series, revenue: windowRevenue(series, input.rateBook) }
}

/**
 * Net revenue over the window per currency and, when a reporting currency is set, converted
 * at the rate of each point's local day, with what had no rate listed apart.
 */
export function windowRevenue(series: Array<{ localDate: string; revenue: Record<string, number> }>, book: RateBook | null) {
  return {
    perCurrency: sumAmounts(series.map((point) => point.revenue)),
    reporting: book ? convertDays(book, series.map((point) => ({ localDate: point.localDate, amounts: point.revenue }))) : null,
  }
}
