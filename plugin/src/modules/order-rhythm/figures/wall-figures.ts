import { DateTime } from "luxon"
import { splitRows, type ReportingRevenue, type TickerOrder, type TodayTotals } from "../../../lib/live"
import { convertDays, RateBook } from "../../../lib/money"
import type { RhythmParams } from "./rhythm-report"

const HOUR_MS = 3_600_000

export type WallFigurePart = () => Promise<Record<string, Record<string, unknown>>>

export type TotalsSpan = { localDate: string; dayStartUtc: string; nowUtc: string; lastWeekStartUtc: string; lastWeekNowUtc: string }

export type WallFigureSources = {
  timezone: string
  readTickerOrders(channel: string | undefined): Promise<TickerOrder[]>
  readTotals(channel: string | undefined, span: TotalsSpan): Promise<TodayTotals>
  rhythm(params: RhythmParams): Promise<Record<string, unknown> & { series: unknown }>
  /** The reporting currency and its rates; null when none is set. */
  readRateBook(): Promise<RateBook | null>
}

/** Today's and last week's revenue in the reporting currency, each at its own day's rates. */
export function reportingRevenue(book: RateBook, totals: TodayTotals, lastWeekLocalDate: string): ReportingRevenue {
  const today = convertDays(book, [{ localDate: totals.localDate, amounts: totals.revenue }])
  const lastWeek = convertDays(book, [{ localDate: lastWeekLocalDate, amounts: totals.lastWeek.revenue }])
  return {
    currency: book.reportingCurrency,
    revenue: today.total,
    missing: today.missing.map((gap) => gap.currency),
    lastWeek: { revenue: lastWeek.total, missing: lastWeek.missing.map((gap) => gap.currency) },
  }
}

/**
 * Everything a wall room shows, keyed as the live protocol streams it, in two parts:
 * the ticker and today's totals (two small reads) first, then the rhythm summary, its big
 * values split into rows. A channel room counts only that channel's orders.
 */
export function wallFigureParts(sources: WallFigureSources, channel: string | undefined, now: () => Date): WallFigurePart[] {
  return [
    async () => {
      const at = now()
      const local = DateTime.fromJSDate(at, { zone: sources.timezone })
      const lastWeek = local.minus({ weeks: 1 })
      const [ticker, totals, book] = await Promise.all([
        sources.readTickerOrders(channel),
        sources.readTotals(channel, {
          localDate: local.toISODate()!,
          dayStartUtc: local.startOf("day").toUTC().toISO()!,
          nowUtc: at.toISOString(),
          lastWeekStartUtc: lastWeek.startOf("day").toUTC().toISO()!,
          lastWeekNowUtc: lastWeek.toUTC().toISO()!,
        }),
        sources.readRateBook(),
      ])
      // Per currency stays in the figures; the converted total rides beside it.
      const today = book ? { ...totals, reporting: reportingRevenue(book, totals, lastWeek.toISODate()!) } : totals
      // One key per ticker entry: a new order sends its own entry and the list of ids (live-client/src/row-keys).
      return { ticker: splitRows({ latest: ticker }), totals: { today } }
    },
    async () => {
      const at = now()
      const rhythm = await sources.rhythm({
        nowUtc: at.toISOString(),
        fromUtc: new Date(at.getTime() - 48 * HOUR_MS).toISOString(),
        toUtc: at.toISOString(),
        granularity: "hour",
        channels: channel ? [channel] : undefined,
      })
      return {
        // The heat map, today's curve and the series in rows: an order changes a row or two (live-client/src/row-keys).
        rhythm: splitRows({
          rates: rhythm.rates,
          backlog: rhythm.backlog,
          cycleTimes: rhythm.cycleTimes,
          sla: rhythm.sla,
          heatMap: rhythm.heatMap,
          today: rhythm.today,
          series: rhythm.series,
        }),
      }
    },
  ]
}
