import type { RhythmInputReader } from "../figures/rhythm-report"
import { readCohortDigest } from "./flow-digests"
import { readRateBook } from "./exchange-rates"
import { readOpenOrders } from "./read-open-orders"
import { readCoverageStart, readDayBuckets, readHeatTotals, readHourBuckets, readOrderFlows } from "./read-rhythm"
import { readRecentHeatTotals, readRecentHourBuckets } from "./read-recent-hours"
import type { ClosedHourCache } from "./closed-hours"
import { Knex } from "./knex"
import type { PluginOptions } from "../../../lib/options"

/** Times each read (the rhythm-api breakdown bench); the identity by default. */
export type TimedRead = <T>(name: string, read: Promise<T>) => Promise<T>

/**
 * Everything a rhythm report reads, at once: the hours its figures look at, the heat map's
 * totals, the window's days, the coverage start and the rates; once the stored digests are
 * complete, the window's cohort from them and the open orders' figures summed by PostgreSQL
 * (see store/read-open-orders), else the window's and the open orders' flows raw.
 */
export async function readRhythmInput(
  knex: Knex,
  filter: Parameters<RhythmInputReader>[0],
  options: Pick<PluginOptions, "timezone" | "slaHours"> & {
    digested: boolean
    timed?: TimedRead
    /** This process's copy of the closed hours: only the last day or so is read from the store. */
    closedHours?: ClosedHourCache
  }
): ReturnType<RhythmInputReader> {
  const timed: TimedRead = options.timed ?? ((_name, read) => read)
  const closed = options.closedHours?.view()
  const [buckets, heatTotals, windowBuckets, flows, cohort, coverageStartUtc, rateBook, open] = await Promise.all([
    timed(
      "hourBuckets",
      closed
        ? readRecentHourBuckets(knex, closed, { ranges: filter.hourRanges, channels: filter.channels })
        : readHourBuckets(knex, { ranges: filter.hourRanges, channels: filter.channels })
    ),
    timed(
      "heatTotals",
      closed
        ? readRecentHeatTotals(knex, closed, { ...filter.heatWindow, channels: filter.channels, timezone: options.timezone })
        : readHeatTotals(knex, { ...filter.heatWindow, channels: filter.channels, timezone: options.timezone })
    ),
    filter.windowByDay
      ? timed(
          "dayBuckets",
          readDayBuckets(knex, { fromUtc: filter.fromUtc, toUtc: filter.toUtc, nowUtc: filter.nowUtc, channels: filter.channels, timezone: options.timezone })
        )
      : undefined,
    // With the digests, nothing needs an order's flow: the open orders' figures come summed.
    options.digested ? [] : timed("flows", readOrderFlows(knex, filter)),
    options.digested
      ? timed(
          "cohortDigest",
          readCohortDigest(knex, {
            fromMs: Date.parse(filter.fromUtc),
            toMs: Date.parse(filter.toUtc),
            nowMs: Date.parse(filter.nowUtc),
            channels: filter.channels,
            locationId: filter.locationId,
            slaHours: options.slaHours,
          })
        )
      : undefined,
    timed("coverageStart", readCoverageStart(knex)),
    timed("rateBook", readRateBook(knex)),
    options.digested ? timed("openOrders", readOpenOrders(knex, filter, { slaHours: options.slaHours })) : undefined,
  ])
  return { buckets, heatTotals, windowBuckets, flows, cohort, open, coverageStartUtc, rateBook }
}
