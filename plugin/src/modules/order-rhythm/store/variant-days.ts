import { DateTime } from "luxon"
import { rowId } from "./row-id"
import type { OrderFacts } from "../../../lib/facts"
import { Knex } from "./knex"

export type VariantDayKey = { local_date: string; variant_id: string; location_id: string }

/** The variant-day rows an order's lines and returns count in, in the store's zone. */
export function variantDayKeysOf({ order, lines, stages }: OrderFacts, timezone: string): VariantDayKey[] {
  const day = (at: Date) => DateTime.fromJSDate(at, { zone: timezone }).toISODate()!
  const keys: VariantDayKey[] = []
  for (const line of lines) {
    if (line.variant_id) {
      keys.push({ local_date: day(order.placed_at), variant_id: line.variant_id, location_id: line.stock_location_id ?? "" })
    }
  }
  for (const stage of stages) {
    if (stage.stage === "returned" && stage.variant_id) {
      keys.push({ local_date: day(stage.occurred_at), variant_id: stage.variant_id, location_id: stage.stock_location_id ?? "" })
    }
  }
  return keys
}

function distinct(keys: VariantDayKey[]): VariantDayKey[] {
  const seen = new Map<string, VariantDayKey>()
  for (const key of keys) seen.set(`${key.local_date}|${key.variant_id}|${key.location_id}`, key)
  return [...seen.values()].sort((a, b) =>
    `${a.local_date}|${a.variant_id}|${a.location_id}`.localeCompare(`${b.local_date}|${b.variant_id}|${b.location_id}`)
  )
}

/**
 * Recounts demand, returns and end-of-day stock of the given variant-days from the facts
 * and stock snapshots. Demand is what non-canceled orders asked for that local day at
 * that location (a line's demand belongs to its reservation's location). Stock is
 * min over the variant's items of floor(available / required); unknown (null) until a
 * snapshot of every item exists before the day's end.
 */
export async function recountVariantDays(knex: Knex, keys: VariantDayKey[], timezone: string): Promise<number> {
  const unique = distinct(keys)
  if (!unique.length) return 0
  await knex.raw("select pg_advisory_xact_lock(hashtext('order_rhythm_variant_day'))")
  const params = [
    unique.map(() => rowId("orvday")),
    unique.map((key) => key.local_date),
    unique.map((key) => key.variant_id),
    unique.map((key) => key.location_id),
  ]
  await knex.raw(
    `
    with touched as (
      select t.id, t.local_date, t.variant_id, t.location_id,
             (t.local_date::date)::timestamp at time zone ? as day_start,
             ((t.local_date::date + 1))::timestamp at time zone ? as day_end
        from unnest(?::text[], ?::text[], ?::text[], ?::text[]) as t(id, local_date, variant_id, location_id)
    ),
    demand as (
      select t.local_date, t.variant_id, t.location_id, sum(l.quantity) as units
        from touched t
        join order_rhythm_order_line_fact l
          on l.variant_id = t.variant_id and l.placed_at >= t.day_start and l.placed_at < t.day_end
         and coalesce(l.stock_location_id, '') = t.location_id and l.deleted_at is null
        join order_rhythm_order_fact o
          on o.order_id = l.order_id and o.deleted_at is null and o.canceled_at is null
       group by 1, 2, 3
    ),
    returned as (
      select t.local_date, t.variant_id, t.location_id, sum(s.units) as units
        from touched t
        join order_rhythm_stage_fact s
          on s.stage = 'returned' and s.variant_id = t.variant_id and coalesce(s.stock_location_id, '') = t.location_id
         and s.occurred_at >= t.day_start and s.occurred_at < t.day_end and s.deleted_at is null
       group by 1, 2, 3
    ),
    per_item as (
      select t.local_date, t.variant_id, t.location_id, vi.required_quantity,
             (select s.stocked - s.reserved from order_rhythm_inventory_snapshot s
               where s.inventory_item_id = vi.inventory_item_id and s.location_id = t.location_id
                 and s.observed_at < t.day_end and s.deleted_at is null
               order by s.observed_at desc limit 1) as end_available,
             (select min(s.stocked - s.reserved) from order_rhythm_inventory_snapshot s
               where s.inventory_item_id = vi.inventory_item_id and s.location_id = t.location_id
                 and s.observed_at >= t.day_start and s.observed_at < t.day_end and s.deleted_at is null) as low_in_day,
             (select s.stocked - s.reserved from order_rhythm_inventory_snapshot s
               where s.inventory_item_id = vi.inventory_item_id and s.location_id = t.location_id
                 and s.observed_at < t.day_start and s.deleted_at is null
               order by s.observed_at desc limit 1) as start_available
        from touched t
        join order_rhythm_variant_item vi on vi.variant_id = t.variant_id and vi.deleted_at is null
    ),
    stock as (
      select local_date, variant_id, location_id,
             case when bool_or(end_available is null) then null
                  else min(floor(end_available / greatest(required_quantity, 1)))::int end as stock_end,
             case when bool_or(end_available is null) then null
                  else bool_or(least(coalesce(low_in_day, end_available), coalesce(start_available, end_available), end_available)
                               < greatest(required_quantity, 1)) end as out_of_stock
        from per_item
       group by 1, 2, 3
    )
    insert into order_rhythm_variant_day (id, local_date, variant_id, location_id, units_demanded, units_returned, stock_end, out_of_stock)
    select t.id, t.local_date, t.variant_id, t.location_id,
           coalesce(d.units, 0), coalesce(r.units, 0), s.stock_end, s.out_of_stock
      from touched t
      left join demand d using (local_date, variant_id, location_id)
      left join returned r using (local_date, variant_id, location_id)
      left join stock s using (local_date, variant_id, location_id)
    on conflict (local_date, variant_id, location_id) where deleted_at is null do update set
      units_demanded = excluded.units_demanded,
      units_returned = excluded.units_returned,
      stock_end = excluded.stock_end,
      out_of_stock = excluded.out_of_stock,
      updated_at = now()
    `,
    [timezone, timezone, ...params]
  )
  return unique.length
}
