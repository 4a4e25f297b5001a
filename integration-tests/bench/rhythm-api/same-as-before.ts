/**
 * Sameness on a real history: the rhythm report through this branch's readers equals the one
 * through the previous readers (one window + open OR read, every hour from the earliest span
 * to the latest), for random windows, granularities, channels and `now`s. Read only.
 * Usage: tsx bench/rhythm-api/same-as-before.ts [database] [rounds]
 */
import path from "node:path"
import assert from "node:assert/strict"
import { builtPlugin as built } from "../lib/built-plugin"

const read = built("modules/order-rhythm/store/read-rhythm.js")
const report = built("modules/order-rhythm/figures/rhythm-report.js")
const DAY = 86_400_000
const HOUR = 3_600_000

/** The previous reader: every hour from the earliest span a figure reads to the latest, flows by one OR. */
async function before(knex: any, filter: any, nowMs: number) {
  const from = Math.min(...filter.hourRanges.map((r: any) => Date.parse(r.fromUtc)), Date.parse(filter.fromUtc))
  const to = Math.max(...filter.hourRanges.map((r: any) => Date.parse(r.toUtc)), Date.parse(filter.toUtc), nowMs + HOUR)
  const finalColumn = { fulfilled: "fully_fulfilled_at", shipped: "fully_shipped_at", delivered: "fully_delivered_at" }[filter.finalStage as string]!
  const q = knex("order_rhythm_order_fact").select("order_id", "sales_channel_id", "placed_at", "canceled_at", "captured_at", "first_fulfilled_at", "fully_fulfilled_at", "fully_shipped_at", "fully_delivered_at", "units").whereNull("deleted_at").where((w: any) =>
    w.where((i: any) => i.where("placed_at", ">=", filter.fromUtc).where("placed_at", "<", filter.toUtc)).orWhere((o: any) => o.whereNull("canceled_at").whereNull(finalColumn))
  )
  if (filter.channels) q.whereIn(knex.raw("coalesce(sales_channel_id, '')"), filter.channels)
  if (filter.locationId) q.where("stock_location_id", filter.locationId)
  const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null)
  const flows = (await q).map((row: any) => ({
    orderId: row.order_id,
    channelId: row.sales_channel_id ?? "",
    placedAt: new Date(row.placed_at).toISOString(),
    canceledAt: iso(row.canceled_at),
    capturedAt: iso(row.captured_at),
    firstFulfilledAt: iso(row.first_fulfilled_at),
    fullyFulfilledAt: iso(row.fully_fulfilled_at),
    shippedAt: iso(row.fully_shipped_at),
    deliveredAt: iso(row.fully_delivered_at),
    units: row.units,
  }))
  const byId = (xs: any[]) => [...xs].sort((a, b) => a.orderId.localeCompare(b.orderId))
  assert.deepEqual(byId(await read.readOrderFlows(knex, filter)), byId(flows), "flows: same orders, same instants")
  return {
    buckets: await read.readHourBuckets(knex, { fromUtc: new Date(from).toISOString(), toUtc: new Date(to).toISOString(), channels: filter.channels }),
    flows,
    coverageStartUtc: await read.readCoverageStart(knex),
    rateBook: null,
  }
}

async function main() {
  const db = process.argv[2] || "order_rhythm_demo"
  const rounds = Number(process.argv[3] || 40)
  const knex = require(require.resolve("knex", { paths: [path.dirname(require.resolve("@medusajs/framework/utils"))] }))({
    client: "pg",
    connection: { host: "localhost", user: "postgres", database: db },
  })
  const channels: string[] = (await knex("order_rhythm_order_fact").distinct("sales_channel_id")).map((r: any) => r.sales_channel_id ?? "")
  const [{ first, last }] = await knex("order_rhythm_order_fact").min("placed_at as first").max("placed_at as last")
  let seed = 5
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
  let maxRevenueDiff = 0
  for (let i = 0; i < rounds; i++) {
    const timezone = ["Asia/Shanghai", "Europe/Berlin", "America/New_York", "UTC"][i % 4]
    const options = { timezone, finalStage: (["fulfilled", "shipped", "delivered"] as const)[i % 3], slaHours: { captured: 2, fulfilled: 24, shipped: 36, delivered: 96 } }
    const nowMs = Date.parse(last) + (random() - 0.3) * 20 * DAY
    const days = [1, 7, 30, 365][Math.floor(random() * 4)]
    const end = Date.parse(first) + random() * (nowMs + 2 * DAY - Date.parse(first))
    const params = {
      nowUtc: new Date(nowMs).toISOString(),
      fromUtc: new Date(end - days * DAY - random() * HOUR).toISOString(),
      toUtc: new Date(end).toISOString(),
      granularity: random() < 0.5 ? "hour" : "day",
      channels: random() < 0.4 ? undefined : random() < 0.8 ? [channels[Math.floor(random() * channels.length)]] : channels,
    }
    const fast = await report.rhythmReport(options, async (filter: any) => {
      const [buckets, windowBuckets, flows, coverageStartUtc] = await Promise.all([
        read.readHourBuckets(knex, { ranges: filter.hourRanges, channels: filter.channels }),
        filter.windowByDay ? read.readDayBuckets(knex, { ...filter, timezone }) : undefined,
        read.readOrderFlows(knex, filter),
        read.readCoverageStart(knex),
      ])
      return { buckets, windowBuckets, flows, coverageStartUtc, rateBook: null }
    }, params)
    const slow = await report.rhythmReport(options, (filter: any) => before(knex, filter, nowMs), params)
    // Revenue: the day rows sum in PostgreSQL's numeric, the hours in float: equal to the cent.
    const strip = (r: any) => {
      const revenues: number[] = []
      const copy = JSON.parse(JSON.stringify(r, (k, v) => (k === "revenue" || k === "perCurrency" ? (revenues.push(...Object.keys(v ?? {}).sort().map((c) => v[c]).filter((x: any) => typeof x === "number")), Object.keys(v ?? {}).sort()) : v)))
      return { copy, revenues }
    }
    const a = strip(fast), b = strip(slow)
    assert.deepEqual(a.copy, b.copy, `round ${i}: ${JSON.stringify(params)}`)
    assert.equal(a.revenues.length, b.revenues.length)
    a.revenues.forEach((x, j) => (maxRevenueDiff = Math.max(maxRevenueDiff, Math.abs(x - b.revenues[j]))))
    process.stdout.write(".")
  }
  console.log(`\n${rounds} random requests: identical figures; largest revenue difference ${maxRevenueDiff.toExponential(2)}`)
  await knex.destroy()
}
main().catch((e) => {
  console.error(e)
  process.exit(1)
})
