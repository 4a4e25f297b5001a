/**
 * A `medusa exec` script: a year of order history at the scale the rhythm API's goal names
 * (MILLION_LINES_TARGET order lines, default 1,000,000), written straight into the plugin's fact
 * tables, then aggregated by the plugin's own code (the hour-bucket recount and the cycle-time
 * digest rebuild), as a store upgraded into a plugin version with digests would be.
 *
 * Why not real Medusa orders: writing 400,000 orders through the Order module runs at about
 * 100 a second here (70 minutes), and the rhythm API reads only the plugin's tables. The sales
 * channels, stock locations and the region are real Medusa records (the API checks channel ids
 * against them), and the bench places real orders through Medusa while it measures.
 *
 * Shape: the demo's intraday and weekly rhythm (src/demo/demand-curve), growing 45% over the
 * year; 2 channels (70/30), 2 warehouses (60/40), 1-6 lines an order; capture within minutes,
 * first fulfilment after a log-normal wait during the day, 15% in two parcels, shipment hours
 * later, delivery 1-3 days after; 3% canceled; stages after now stay open.
 * Prints one JSON line prefixed `MILLION ` with the counts and the aggregation times.
 */
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { DateTime } from "luxon"
import { expectedOrdersInHour, STORE_ZONE } from "../../src/demo/demand-curve"
import { builtPlugin as built } from "../lib/built-plugin"

const TARGET_LINES = Number(process.env.MILLION_LINES_TARGET || 1_000_000)
const LINES_PER_ORDER = 2.85 // the mean of 1 + floor(random^1.6 * 6), see below
const DAYS = 365

export default async function millionLines({ container }: ExecArgs) {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
  const [{ facts }] = (await knex.raw("select count(*)::int as facts from order_rhythm_order_fact")).rows
  if (facts > 0) throw new Error(`million-lines: the database already holds ${facts} order facts; start from an empty one`)
  const { channels, locations, regionId } = await storeRecords(container)

  // Orders per UTC hour: the demo's curve, scaled so the year holds the target's lines.
  const now = DateTime.now().setZone(STORE_ZONE).startOf("hour")
  const start = now.minus({ days: DAYS })
  const hours: Array<{ at: DateTime; expected: number }> = []
  for (let at = start; at < now; at = at.plus({ hours: 1 })) hours.push({ at, expected: expectedOrdersInHour(at, now) })
  const scale = TARGET_LINES / LINES_PER_ORDER / hours.reduce((sum, h) => sum + h.expected, 0)
  let carry = 0
  const counts = hours.map((h) => {
    const exact = h.expected * scale + carry
    const whole = Math.floor(exact)
    carry = exact - whole
    return whole
  })

  const t0 = performance.now()
  await knex.raw("select setseed(0.42)")
  await knex.raw(
    `create temporary table bench_orders on commit preserve rows as
     select 'order_bench_' || row_number() over () as order_id,
            h.hour_start + random() * interval '1 hour' as placed_at,
            random() as r_channel, random() as r_location, random() as r_fate, random() as r_wait,
            random() as r_split, random() as r_ship, random() as r_deliver,
            1 + floor(power(random(), 1.6) * 6)::int as lines
       from unnest(?::timestamptz[], ?::int[]) as h(hour_start, orders)
       cross join lateral generate_series(1, h.orders)`,
    [hours.map((h) => h.at.toUTC().toISO()), counts]
  )
  await knex.raw(
    `with plan as (
       select o.*,
              case when o.r_channel < 0.7 then ? else ? end as channel,
              case when o.r_location < 0.6 then ? else ? end as location,
              o.r_fate < 0.03 as canceled,
              o.placed_at + interval '1 minute' * (2 + 20 * o.r_wait) as capture,
              -- log-normal wait, 0.7 to 15 hours, median 3.3
              o.placed_at + interval '1 hour' * exp(1.2 + 1.5 * (2 * o.r_wait - 1)) as first_fulfil,
              case when o.r_split < 0.15 then interval '1 hour' * (2 + 20 * o.r_split / 0.15) else interval '0' end as split,
              interval '1 hour' * (1 + 7 * o.r_ship) as ship_wait,
              interval '1 hour' * (24 + 48 * o.r_deliver) as deliver_wait
         from bench_orders o
     ), timed as (
       select p.*,
              case when canceled then placed_at + interval '3 hours' * r_wait end as cancel_at,
              first_fulfil + split as full_fulfil,
              first_fulfil + ship_wait as first_ship,
              first_fulfil + split + ship_wait as full_ship,
              first_fulfil + split + ship_wait + deliver_wait as deliver
         from plan p
     ), seen as (
       -- Anything after now has not happened yet.
       select t.*,
              case when cancel_at <= now() then cancel_at end as canceled_at,
              case when not canceled and capture <= now() then capture end as captured_at,
              case when not canceled and first_fulfil <= now() then first_fulfil end as first_fulfilled_at,
              case when not canceled and full_fulfil <= now() then full_fulfil end as fully_fulfilled_at,
              case when not canceled and first_ship <= now() then first_ship end as first_shipped_at,
              case when not canceled and full_ship <= now() then full_ship end as fully_shipped_at,
              case when not canceled and deliver <= now() then deliver end as fully_delivered_at
         from timed t
     )
     insert into order_rhythm_order_fact (id, order_id, display_id, sales_channel_id, region_id, currency_code, placed_at,
        canceled_at, units, revenue, raw_revenue, stock_location_id, captured_at, first_fulfilled_at, fully_fulfilled_at,
        first_shipped_at, fully_shipped_at, fully_delivered_at, fulfilled_units, shipped_units, delivered_units, source_updated_at)
     select 'orfact_' || order_id, order_id, row_number() over (order by placed_at), channel, ?, 'cny', placed_at,
            canceled_at, lines * 2, lines * 88, jsonb_build_object('value', (lines * 88)::text, 'precision', 20), location,
            captured_at, first_fulfilled_at, fully_fulfilled_at, first_shipped_at, fully_shipped_at, fully_delivered_at,
            case when fully_fulfilled_at is not null then lines * 2 else 0 end,
            case when fully_shipped_at is not null then lines * 2 else 0 end,
            case when fully_delivered_at is not null then lines * 2 else 0 end,
            placed_at
       from seen`,
    [channels[0], channels[1], locations[0], locations[1], regionId]
  )
  await knex.raw(
    `insert into order_rhythm_order_line_fact (id, line_id, order_id, title, quantity, unit_price, raw_unit_price, net_amount, raw_net_amount, stock_location_id, placed_at)
     select 'orline_' || o.order_id || '_' || n, o.order_id || '_' || n, o.order_id, 'Bench item ' || (1 + (n * 7919 + length(o.order_id)) % 201),
            2, 44, '{"value":"44","precision":20}', 88, '{"value":"88","precision":20}', f.stock_location_id, f.placed_at
       from bench_orders o
       join order_rhythm_order_fact f on f.order_id = o.order_id
       cross join lateral generate_series(1, o.lines) as n`
  )
  const stage = (name: string, column: string, amount: string, units: string, source = "o.order_id") =>
    `select 'orstage_${name}_' || o.order_id, '${name}:' || o.order_id, o.order_id, '${name}', ${source}, o.${column}, ${units}, ${amount},
            ('{"value":"' || (${amount}) || '","precision":20}')::jsonb, 'cny', o.sales_channel_id, o.stock_location_id
       from order_rhythm_order_fact o where o.${column} is not null and o.order_id like 'order_bench_%'`
  await knex.raw(
    `insert into order_rhythm_stage_fact (id, key, order_id, stage, source_id, occurred_at, units, amount, raw_amount, currency_code, sales_channel_id, stock_location_id)
     ${[
       stage("captured", "captured_at", "o.revenue", "0"),
       stage("canceled", "canceled_at", "o.revenue", "o.units"),
       stage("fulfilled", "fully_fulfilled_at", "0", "o.units"),
       stage("shipped", "fully_shipped_at", "0", "o.units"),
       stage("delivered", "fully_delivered_at", "0", "o.units"),
     ].join(" union all ")}`
  )
  const written = performance.now() - t0

  const { recountHourBuckets } = built("modules/order-rhythm/store/hour-buckets.js")
  const t1 = performance.now()
  const { rows: keys } = await knex.raw(
    `select distinct date_trunc('hour', at) as hour_start, sales_channel_id as channel, currency_code as currency from (
       select placed_at as at, coalesce(sales_channel_id, '') as sales_channel_id, currency_code from order_rhythm_order_fact
       union all select occurred_at, sales_channel_id, currency_code from order_rhythm_stage_fact) t`
  )
  for (let i = 0; i < keys.length; i += 2000) {
    await knex.transaction((trx: any) =>
      recountHourBuckets(trx, keys.slice(i, i + 2000).map((k: any) => ({ hourStart: new Date(k.hour_start).toISOString(), channel: k.channel, currency: k.currency })), STORE_ZONE)
    )
  }
  const bucketSeconds = (performance.now() - t1) / 1000

  const rhythm = container.resolve("orderRhythm") as any
  const t2 = performance.now()
  await knex("order_rhythm_state").where({ key: "flow_digests" }).delete()
  await rhythm.ingestion.ensureFlowDigests()
  const digestSeconds = (performance.now() - t2) / 1000
  // As after any bulk load (autovacuum's analyze, off on these machines): the timed requests
  // should not meet the plugin's own first analyze of a history it finds unanalyzed.
  await knex.raw("analyze")

  const [counts2] = (
    await knex.raw(
      `select (select count(*)::int from order_rhythm_order_fact) as orders, (select count(*)::int from order_rhythm_order_line_fact) as lines,
              (select count(*)::int from order_rhythm_stage_fact) as stages, (select count(*)::int from order_rhythm_flow_digest) as digests`
    )
  ).rows
  console.log(
    `MILLION ${JSON.stringify({ ...counts2, write_s: +(written / 1000).toFixed(1), hour_buckets_s: +bucketSeconds.toFixed(1), digest_rebuild_s: +digestSeconds.toFixed(1) })}`
  )
}

/** Real Medusa records for the history to belong to: two channels, two warehouses, a CNY region. */
async function storeRecords(container: any) {
  const { createSalesChannelsWorkflow, createStockLocationsWorkflow, createRegionsWorkflow } = require("@medusajs/medusa/core-flows")
  const { result: channels } = await createSalesChannelsWorkflow(container).run({
    input: { salesChannelsData: [{ name: "Bench web shop" }, { name: "Bench flagship store" }] },
  })
  const { result: locations } = await createStockLocationsWorkflow(container).run({
    input: { locations: [{ name: "Bench Shanghai" }, { name: "Bench Shenzhen" }] },
  })
  const { result: regions } = await createRegionsWorkflow(container).run({
    input: { regions: [{ name: "Bench China", currency_code: "cny", countries: ["cn"] }] },
  })
  const store = container.resolve(Modules.STORE)
  const [first] = await store.listStores({}, { take: 1 })
  if (first) {
    await store.updateStores(first.id, {
      supported_currencies: [{ currency_code: "cny", is_default: true }],
      default_sales_channel_id: channels[0].id,
      default_region_id: regions[0].id,
    })
  }
  return { channels: channels.map((c: any) => c.id), locations: locations.map((l: any) => l.id), regionId: regions[0].id }
}
