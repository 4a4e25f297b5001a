import { DateTime } from "luxon"
import type { TickerOrder, TodayTotals } from "../../../lib/live"
import type { RhythmParams } from "./rhythm-report"

const HOUR_MS = 3_600_000

export type WallFigurePart = () => Promise<Record<string, Record<string, unknown>>>

export type TotalsSpan = { localDate: string; dayStartUtc: string; nowUtc: string; lastWeekStartUtc: string; lastWeekNowUtc: string }

export type WallFigureSources = {
  timezone: string
  readTickerOrders(channel: string | undefined): Promise<TickerOrder[]>
  readTotals(channel: string | undefined, span: TotalsSpan): Promise<TodayTotals>
  rhythm(params: RhythmParams): Promise<Record<string, unknown> & { series: unknown }>
}

/**
 * Everything a wall room shows, keyed as the live protocol streams it, in two parts:
 * the ticker and today's totals (two small reads) first, then the rhythm summary. A
 * channel room counts only that channel's orders.
 */
export function wallFigureParts(sources: WallFigureSources, channel: string | undefined, now: () => Date): WallFigurePart[] {
  return [
    async () => {
      const at = now()
      const local = DateTime.fromJSDate(at, { zone: sources.timezone })
      const lastWeek = local.minus({ weeks: 1 })
      const [ticker, totals] = await Promise.all([
        sources.readTickerOrders(channel),
        sources.readTotals(channel, {
          localDate: local.toISODate()!,
          dayStartUtc: local.startOf("day").toUTC().toISO()!,
          nowUtc: at.toISOString(),
          lastWeekStartUtc: lastWeek.startOf("day").toUTC().toISO()!,
          lastWeekNowUtc: lastWeek.toUTC().toISO()!,
        }),
      ])
      return { ticker: { latest: ticker }, totals: { today: totals } }
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
        rhythm: {
          rates: rhythm.rates,
          backlog: rhythm.backlog,
          cycleTimes: rhythm.cycleTimes,
          sla: rhythm.sla,
          heatMap: rhythm.heatMap,
          today: rhythm.today,
          series: rhythm.series,
        },
      }
    },
  ]
}
