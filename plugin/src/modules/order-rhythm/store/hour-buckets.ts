import { rowId } from "./row-id"
import { bumpClosedHoursGeneration, noteChangedHours } from "./closed-hours-generation"
import type { OrderFacts } from "../../../lib/facts"
import { Knex } from "./knex"

export type BucketKey = { hourStart: string; channel: string; currency: string }

/** Buckets are keyed by the UTC start of their hour, whatever the store's zone. */
export function hourStart(at: Date): string {
  const copy = new Date(at.getTime())
  copy.setUTCMinutes(0, 0, 0)
  return copy.toISOString()
}

export function bucketKeysOf({ order, stages }: OrderFacts): BucketKey[] {
  const channel = order.sales_channel_id ?? ""
  const currency = order.currency_code
  return [order.placed_at, ...stages.map((stage) => stage.occurred_at)].map((at) => ({
    hourStart: hourStart(at),
    channel,
    currency,
  }))
}

function distinct(keys: BucketKey[]): BucketKey[] {
  const seen = new Map<string, BucketKey>()
  for (const key of keys) {
    seen.set(`${key.hourStart}|${key.channel}|${key.currency}`, key)
  }
  return [...seen.values()].sort((a, b) =>
    a.hourStart === b.hourStart ? `${a.channel}${a.currency}`.localeCompare(`${b.channel}${b.currency}`) : a.hourStart.localeCompare(b.hourStart)
  )
}

/**
 * Recounts the given hour buckets from the facts. Counting again (rather than adding a
 * delta) is what makes duplicates and reordered events harmless. Concurrent ingests
 * are serialised on an advisory lock so that each recount sees the other's committed
 * facts and the last writer cannot erase an order the other one added.
 */
export async function recountHourBuckets(knex: Knex, keys: BucketKey[], timezone: string): Promise<number> {
  const unique = distinct(keys)
  if (!unique.length) {
    return 0
  }
  await knex.raw("select pg_advisory_xact_lock(hashtext('order_rhythm_hour_bucket'))")
  const ids = unique.map(() => rowId("orhour"))
  const { rows: changed } = await knex.raw(
    `
    with touched as (
      select * from unnest(?::text[], ?::timestamptz[], ?::text[], ?::text[]) as t(id, hour_start, sales_channel_id, currency_code)
    ),
    placed as (
      -- Lateral, one index range scan of an hour per touched bucket: a plain join on the
      -- hour range made the planner merge-join on channel and currency and filter the
      -- range afterwards, quadratic in the facts (seconds per batch at 15k orders).
      select t.hour_start, t.sales_channel_id, t.currency_code, p.orders, p.units, p.revenue
      from touched t
      cross join lateral (
        select count(o.id) as orders, coalesce(sum(o.units), 0) as units, coalesce(sum(o.revenue), 0) as revenue
        from order_rhythm_order_fact o
        where o.placed_at >= t.hour_start and o.placed_at < t.hour_start + interval '1 hour'
          and coalesce(o.sales_channel_id, '') = t.sales_channel_id and o.currency_code = t.currency_code
          and o.deleted_at is null
      ) p
    ),
    staged as (
      select t.hour_start, t.sales_channel_id, t.currency_code, s.*
      from touched t
      cross join lateral (
        select count(*) filter (where s.stage = 'canceled') as cancellations,
               coalesce(sum(s.amount) filter (where s.stage = 'canceled'), 0) as canceled_revenue,
               count(*) filter (where s.stage = 'fulfilled') as fulfilments,
               coalesce(sum(s.units) filter (where s.stage = 'fulfilled'), 0) as fulfilled_units,
               count(*) filter (where s.stage = 'shipped') as shipments,
               count(*) filter (where s.stage = 'delivered') as deliveries,
               count(distinct s.source_id) filter (where s.stage = 'returned') as returns,
               coalesce(sum(s.units) filter (where s.stage = 'returned'), 0) as returned_units,
               coalesce(sum(s.amount) filter (where s.stage = 'returned'), 0) as returned_revenue,
               coalesce(sum(s.amount) filter (where s.stage = 'captured'), 0) as captured,
               coalesce(sum(s.amount) filter (where s.stage = 'refunded'), 0) as refunded
        from order_rhythm_stage_fact s
        where s.occurred_at >= t.hour_start and s.occurred_at < t.hour_start + interval '1 hour'
          and s.sales_channel_id = t.sales_channel_id and s.currency_code = t.currency_code
          and s.deleted_at is null
      ) s
    )
    insert into order_rhythm_hour_bucket as b (
      id, hour_start, sales_channel_id, currency_code, local_date, local_hour,
      orders, units, revenue, raw_revenue, cancellations, canceled_revenue, raw_canceled_revenue,
      fulfilments, fulfilled_units, shipments, deliveries, returns, returned_units,
      returned_revenue, raw_returned_revenue, captured, raw_captured, refunded, raw_refunded
    )
    select t.id, t.hour_start, t.sales_channel_id, t.currency_code,
           to_char(t.hour_start at time zone ?, 'YYYY-MM-DD'),
           extract(hour from t.hour_start at time zone ?)::int,
           coalesce(p.orders, 0), coalesce(p.units, 0), coalesce(p.revenue, 0), jsonb_build_object('value', coalesce(p.revenue, 0)::text, 'precision', 20),
           coalesce(s.cancellations, 0), coalesce(s.canceled_revenue, 0), jsonb_build_object('value', coalesce(s.canceled_revenue, 0)::text, 'precision', 20),
           coalesce(s.fulfilments, 0), coalesce(s.fulfilled_units, 0), coalesce(s.shipments, 0), coalesce(s.deliveries, 0),
           coalesce(s.returns, 0), coalesce(s.returned_units, 0),
           coalesce(s.returned_revenue, 0), jsonb_build_object('value', coalesce(s.returned_revenue, 0)::text, 'precision', 20),
           coalesce(s.captured, 0), jsonb_build_object('value', coalesce(s.captured, 0)::text, 'precision', 20),
           coalesce(s.refunded, 0), jsonb_build_object('value', coalesce(s.refunded, 0)::text, 'precision', 20)
    from touched t
    left join placed p using (hour_start, sales_channel_id, currency_code)
    left join staged s using (hour_start, sales_channel_id, currency_code)
    on conflict (hour_start, sales_channel_id, currency_code) where deleted_at is null do update set
      local_date = excluded.local_date, local_hour = excluded.local_hour,
      orders = excluded.orders, units = excluded.units, revenue = excluded.revenue, raw_revenue = excluded.raw_revenue,
      cancellations = excluded.cancellations, canceled_revenue = excluded.canceled_revenue, raw_canceled_revenue = excluded.raw_canceled_revenue,
      fulfilments = excluded.fulfilments, fulfilled_units = excluded.fulfilled_units,
      shipments = excluded.shipments, deliveries = excluded.deliveries,
      returns = excluded.returns, returned_units = excluded.returned_units,
      returned_revenue = excluded.returned_revenue, raw_returned_revenue = excluded.raw_returned_revenue,
      captured = excluded.captured, raw_captured = excluded.raw_captured,
      refunded = excluded.refunded, raw_refunded = excluded.raw_refunded,
      updated_at = now()
    -- A bucket counted again to the same figures is left as it was: only real changes are
    -- returned, and only a real change to a past hour empties the processes' closed-hour copies.
    where (b.local_date, b.local_hour, b.orders, b.units, b.revenue, b.cancellations, b.canceled_revenue,
           b.fulfilments, b.fulfilled_units, b.shipments, b.deliveries, b.returns, b.returned_units,
           b.returned_revenue, b.captured, b.refunded)
      is distinct from
          (excluded.local_date, excluded.local_hour, excluded.orders, excluded.units, excluded.revenue,
           excluded.cancellations, excluded.canceled_revenue, excluded.fulfilments, excluded.fulfilled_units,
           excluded.shipments, excluded.deliveries, excluded.returns, excluded.returned_units,
           excluded.returned_revenue, excluded.captured, excluded.refunded)
    returning (extract(epoch from b.hour_start) * 1000)::float8 as hour_start_ms
    `,
    [
      ids,
      unique.map((key) => key.hourStart),
      unique.map((key) => key.channel),
      unique.map((key) => key.currency),
      timezone,
      timezone,
    ]
  )
  await noteChangedHours(knex, changed.map((row: { hour_start_ms: number }) => row.hour_start_ms))
  await recountDayBuckets(knex, { hourStarts: unique.map((key) => key.hourStart), timezone })
  return unique.length
}

/** An hour bucket that counts something (a recount can leave one at zero). */
const ACTIVE_HOUR = "orders + cancellations + fulfilments + shipments + deliveries + returns > 0 or captured <> 0 or refunded <> 0"

/**
 * Adds the hour buckets up per local day (by their label) into the day buckets, for the days of
 * the given hours, or for every day. Whole days are recounted, so the sums never drift. A day
 * stands at its first hour with activity, the same whichever way its hours were ingested.
 */
async function recountDayBuckets(knex: Knex, which: { hourStarts: string[]; timezone: string } | "all"): Promise<void> {
  const days =
    which === "all"
      ? { sql: "true", bindings: [] as unknown[] }
      : {
          sql: "h.local_date in (select distinct to_char(t at time zone ?, 'YYYY-MM-DD') from unnest(?::timestamptz[]) as t)",
          bindings: [which.timezone, which.hourStarts],
        }
  await knex.raw(
    `
    insert into order_rhythm_day_bucket as d (
      id, local_date, sales_channel_id, currency_code, first_hour, orders, units, net_revenue, raw_net_revenue,
      fulfilments, fulfilled_units, cancellations, returns
    )
    select 'orday_' || upper(replace(gen_random_uuid()::text, '-', '')), local_date, sales_channel_id, currency_code,
           coalesce(min(hour_start) filter (where ${ACTIVE_HOUR}), min(hour_start)),
           sum(orders), sum(units), sum(revenue - canceled_revenue - returned_revenue),
           jsonb_build_object('value', sum(revenue - canceled_revenue - returned_revenue)::text, 'precision', 20),
           sum(fulfilments), sum(fulfilled_units), sum(cancellations), sum(returns)
    from order_rhythm_hour_bucket h
    where h.deleted_at is null and ${days.sql}
    group by local_date, sales_channel_id, currency_code
    on conflict (local_date, sales_channel_id, currency_code) where deleted_at is null do update set
      first_hour = excluded.first_hour, orders = excluded.orders, units = excluded.units,
      net_revenue = excluded.net_revenue, raw_net_revenue = excluded.raw_net_revenue,
      fulfilments = excluded.fulfilments, fulfilled_units = excluded.fulfilled_units,
      cancellations = excluded.cancellations, returns = excluded.returns, updated_at = now()
    `,
    days.bindings
  )
}

/**
 * Labels every bucket in the given zone, and counts the day buckets again by the new days.
 * Postgres' zone rules are DST-correct, so the repeated autumn hour gets the same local label
 * twice but stays two rows.
 */
export async function relabelHourBuckets(knex: Knex, timezone: string): Promise<number> {
  const result = await knex.raw(
    `update order_rhythm_hour_bucket
        set local_date = to_char(hour_start at time zone ?, 'YYYY-MM-DD'),
            local_hour = extract(hour from hour_start at time zone ?)::int
      where deleted_at is null`,
    [timezone, timezone]
  )
  // The days are cut by the labels: counted anew.
  await knex.raw("delete from order_rhythm_day_bucket")
  await recountDayBuckets(knex, "all")
  await bumpClosedHoursGeneration(knex)
  return result.rowCount ?? 0
}
