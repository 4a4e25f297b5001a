import {
  disjointWindows,
  ExpectedCurve,
  FlowDigest,
  Granularity,
  heatMapHours,
  HourBucket,
  localDateOf,
  localDayBounds,
  OpenOrders,
  OrderFlow,
  rhythmSeries,
  rhythmSummary,
  shiftLocalDate,
  Window,
} from "../../../lib/rhythm"
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
    /** the whole hours whose orders the heat map sums per hour-of-week */
    heatWindow: Window
  }
) => Promise<{
  buckets: HourBucket[]
  /** orders per local hour-of-week over heatWindow (see store/read-rhythm readHeatTotals) */
  heatTotals: ArrayLike<number>
  /** present when windowByDay: the window's day rows (see store/read-rhythm readDayBuckets) */
  windowBuckets?: HourBucket[]
  /** all open orders unless `open` stands for them, and the window's orders unless `cohort` does */
  flows: OrderFlow[]
  /** the window's cohort from stored digests (see store/flow-digests) */
  cohort?: FlowDigest
  /** the open orders' backlog and open-and-late figures, summed by the store (see store/read-open-orders) */
  open?: OpenOrders
  coverageStartUtc: string | undefined
  rateBook: RateBook | null
}>

/** Past weeks today's expected curve learns from (the engine's seasonal profile default). */
export const EXPECTED_WEEKS = 8

/**
 * The rhythm of a window as the REST API and the wall read it: the engine's summary
 * plus the per-hour or per-day series. The heat map covers the eight weeks up to the
 * window's end, so each hour-of-week cell averages enough occurrences to show a shape.
 *
 * Each figure reads only what it looks at: the heat map its orders per hour-of-week, summed
 * by the store (168 rows for eight weeks); today's expected curve the hours of today and of
 * the same weekday in the past eight weeks; the series the window's hours, or for a per-day
 * series (and the rates) one row per local day, so a year costs 365 rows per channel.
 */
export async function rhythmReport(
  options: Pick<PluginOptions, "timezone" | "finalStage" | "slaHours">,
  read: RhythmInputReader,
  params: RhythmParams,
  /** Today's expected curve from elsewhere (the demand forecasts); none keeps the seasonal profile. */
  expectedCurve?: (input: { buckets: HourBucket[]; coverageStartUtc: string | undefined }) => Promise<ExpectedCurve | undefined>
) {
  const heatFromUtc = new Date(Date.parse(params.toUtc) - 8 * WEEK_MS).toISOString()
  const window = { fromUtc: params.fromUtc, toUtc: params.toUtc }
  const windowByDay = params.granularity === "day"
  const { startMs, endMs } = heatMapHours({ fromUtc: heatFromUtc, toUtc: params.toUtc })
  const hourRanges = disjointWindows([...sameWeekdays(params.nowUtc, options.timezone), ...(windowByDay ? [] : [window])])
  const input = await read({
    fromUtc: params.fromUtc,
    toUtc: params.toUtc,
    channels: params.channels,
    locationId: params.locationId,
    finalStage: options.finalStage,
    nowUtc: params.nowUtc,
    hourRanges,
    windowByDay,
    heatWindow: { fromUtc: new Date(startMs).toISOString(), toUtc: new Date(Math.max(startMs, endMs)).toISOString() },
  })
  const summary = rhythmSummary(
    { buckets: input.buckets, flows: input.flows, windowBuckets: input.windowBuckets, cohort: input.cohort, open: input.open, heatTotals: input.heatTotals },
    params.nowUtc,
    {
      expectedCurve: await expectedCurve?.(input),
      expectedWeeks: EXPECTED_WEEKS,
      timezone: options.timezone,
      finalStage: options.finalStage,
      slaHours: options.slaHours,
      window,
      channels: params.channels,
      heatMapWindow: { fromUtc: heatFromUtc, toUtc: params.toUtc },
      coverageStartUtc: input.coverageStartUtc,
    }
  )
  const series = rhythmSeries(input.windowBuckets ?? input.buckets, window, options.timezone, params.granularity, params.channels)
  return { ...summary, granularity: params.granularity, series, revenue: windowRevenue(series, input.rateBook) }
}

/** Today's local day and the same weekday in each of the past weeks, as UTC spans. */
function sameWeekdays(nowUtc: string, timezone: string): Window[] {
  const today = localDateOf(Date.parse(nowUtc), timezone)
  return Array.from({ length: EXPECTED_WEEKS + 1 }, (_, k) => {
    const { startMs, endMs } = localDayBounds(shiftLocalDate(today, -7 * k), timezone)
    return { fromUtc: new Date(startMs).toISOString(), toUtc: new Date(endMs).toISOString() }
  })
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
