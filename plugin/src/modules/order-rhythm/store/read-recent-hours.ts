import { hourOfWeekTotals, type HourBucket, type Window } from "../../../lib/rhythm"
import { splitAtCut, type ClosedHourSource, type ClosedHoursView } from "./closed-hours"
import { readClosedHoursGeneration } from "./closed-hours-generation"
import { readHeatTotals, readHourBuckets } from "./read-rhythm"
import { Knex } from "./knex"

/**
 * The reads of store/read-rhythm with the closed hours from this process's copy (store/closed-hours):
 * what lies before the view's cut comes from the copy, only the rest from PostgreSQL. Same answers.
 */

/**
 * Where the copy comes from: the store's generation token and its hour buckets, each read with
 * a connection `withKnex` lends (the service's, or a bench's own knex).
 */
export function storeClosedHours(withKnex: <T>(read: (knex: Knex) => Promise<T>) => Promise<T>): ClosedHourSource {
  return {
    generation: () => withKnex(readClosedHoursGeneration),
    hours: (fromMs, toMs) => withKnex((knex) => readHourBuckets(knex, { fromUtc: new Date(fromMs).toISOString(), toUtc: new Date(toMs).toISOString() })),
  }
}

/** Hour buckets over disjoint UTC ranges (see readHourBuckets). */
export async function readRecentHourBuckets(
  knex: Knex,
  view: Promise<ClosedHoursView>,
  filter: { ranges: Window[]; channels?: string[] }
): Promise<HourBucket[]> {
  const { cutMs, hours } = await view
  const { closed, open } = splitAtCut(filter.ranges, cutMs)
  const [past, recent] = await Promise.all([hours(closed), readHourBuckets(knex, { ranges: open, channels: filter.channels })])
  const channels = filter.channels
  return [...past.filter((item) => !channels || channels.includes(item.bucket.channelId)).map((item) => item.bucket), ...recent]
}

/** Orders per local hour-of-week over [fromUtc, toUtc), whole hours (see readHeatTotals). */
export async function readRecentHeatTotals(
  knex: Knex,
  view: Promise<ClosedHoursView>,
  filter: { fromUtc: string; toUtc: string; channels?: string[]; timezone: string }
): Promise<Float64Array> {
  const { cutMs, hours } = await view
  const { closed, open } = splitAtCut([filter], cutMs)
  const [past, recent] = await Promise.all([
    hours(closed),
    open.length ? readHeatTotals(knex, { ...open[0], channels: filter.channels, timezone: filter.timezone }) : new Float64Array(168),
  ])
  const totals = closed.length
    ? hourOfWeekTotals(
        { kind: "preparedBuckets", items: past },
        { fromUtc: new Date(closed[0].fromMs).toISOString(), toUtc: new Date(closed[0].toMs).toISOString() },
        filter.timezone,
        { channels: filter.channels }
      )
    : new Float64Array(168)
  for (let cell = 0; cell < 168; cell++) totals[cell] += recent[cell]
  return totals
}
