import type { RhythmInputReader } from "../figures/rhythm-report"
import { readCohortDigest } from "./flow-digests"
import { readRateBook } from "./exchange-rates"
import { readCoverageStart, readDayBuckets, readHeatTotals, readHourBuckets, readOrderFlows } from "./read-rhythm"
import { Knex } from "./knex"
import type { PluginOptions } from "../../../lib/options"

/** Times each read (the rhythm-api breakdown bench); the identity by default. */
export type TimedRead = <T>(name: string, read: Promise<T>) => Promise<T>

/**
 * Everything a rhythm report reads, at once: the hours its figures look at, the heat map's
 * totals, the window's days, the open orders and the window's cohort (from the stored digests
 * once they are complete, else the window's orders raw), the coverage start and the rates.
 */
export async function readRhythmInput(
  knex: Knex,
  filter: Parameters<RhythmInputReader>[0],
  options: Pick<PluginOptions, "timezone" | "slaHours"> & { digested: boolean; timed?: TimedRead }
): ReturnType<RhythmInputReader> {
  const timed: TimedRead = options.timed ?? ((_name, read) => read)
  const [buckets, heatTotals, windowBuckets, flows, cohort, coverageStartUtc, rateBook] = await Promise.all([
    timed("hourBuckets", readHourBuckets(knex, { ranges: filter.hourRanges, channels: filter.channels })),
    timed("heatTotals", readHeatTotals(knex, { ...filter.heatWindow, channels: filter.channels, timezone: options.timezone })),
    filter.windowByDay
      ? timed(
          "dayBuckets",
          readDayBuckets(knex, { fromUtc: filter.fromUtc, toUtc: filter.toUtc, nowUtc: filter.nowUtc, channels: filter.channels, timezone: options.timezone })
        )
      : undefined,
    timed("flows", readOrderFlows(knex, { ...filter, openOnly: options.digested })),
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
  ])
  return { buckets, heatTotals, windowBuckets, flows, cohort, coverageStartUtc, rateBook }
}
