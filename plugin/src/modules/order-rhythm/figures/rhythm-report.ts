import { ExpectedCurve, Granularity, HourBucket, OrderFlow, rhythmSeries, rhythmSummary } from "../../../lib/rhythm"
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
  filter: RhythmReadFilter & { bucketsFromUtc: string; bucketsToUtc: string }
) => Promise<{ buckets: HourBucket[]; flows: OrderFlow[]; coverageStartUtc: string | undefined; rateBook: RateBook | null }>

/**
 * The rhythm of a window as the REST API and the wall read it: the engine's summary
 * plus the per-hour or per-day series. The heat map covers the eight weeks up to the
 * window's end, so each hour-of-week cell averages enough occurrences to show a shape.
 */
export async function rhythmReport(
  options: Pick<PluginOptions, "timezone" | "finalStage" | "slaHours">,
  read: RhythmInputReader,
  params: RhythmParams,
  /** Today's expected curve from elsewhere (the demand forecasts); none keeps the seasonal profile. */
  expectedCurve?: (input: { buckets: HourBucket[]; coverageStartUtc: string | undefined }) => Promise<ExpectedCurve | undefined>
) {
  const heatFromUtc = new Date(Date.parse(params.toUtc) - 8 * WEEK_MS).toISOString()
  // The expected curve for today looks back eight weeks from now.
  const bucketsFromUtc = new Date(
    Math.min(Date.parse(params.fromUtc), Date.parse(heatFromUtc), Date.parse(params.nowUtc) - 9 * WEEK_MS)
  ).toISOString()
  const bucketsToUtc = new Date(Math.max(Date.parse(params.toUtc), Date.parse(params.nowUtc) + HOUR_MS)).toISOString()
  const input = await read({
    fromUtc: params.fromUtc,
    toUtc: params.toUtc,
    channels: params.channels,
    locationId: params.locationId,
    finalStage: options.finalStage,
    bucketsFromUtc,
    bucketsToUtc,
  })
  const window = { fromUtc: params.fromUtc, toUtc: params.toUtc }
  const summary = rhythmSummary({ buckets: input.buckets, flows: input.flows }, params.nowUtc, {
    expectedCurve: await expectedCurve?.(input),
    timezone: options.timezone,
    finalStage: options.finalStage,
    slaHours: options.slaHours,
    window,
    channels: params.channels,
    heatMapWindow: { fromUtc: heatFromUtc, toUtc: params.toUtc },
    coverageStartUtc: input.coverageStartUtc,
  })
  const series = rhythmSeries(input.buckets, window, options.timezone, params.granularity, params.channels)
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
