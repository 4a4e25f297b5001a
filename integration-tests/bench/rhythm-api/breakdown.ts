/**
 * Where a rhythm request's time goes, without Medusa: the plugin's own readers (over plain
 * knex, the same SQL the service runs) and the pure engine, each part timed on its own.
 * Usage: tsx bench/rhythm-api/breakdown.ts [database]   (read only; BREAKDOWN_POOL=1 runs the
 * reads one after another, so each read's time is its own; the service's reads share a pool of 10;
 * BREAKDOWN_CLOSED_HOURS=1 reads past hours from a copy as the service does, store/closed-hours,
 * filled by a first untimed pass)
 */
import path from "node:path"
import { percentile } from "../lib/figures"
import { performance } from "node:perf_hooks"
import { builtPlugin as built } from "../lib/built-plugin"

const rhythmInput = built("modules/order-rhythm/store/rhythm-input.js")
const engine = built("lib/rhythm/index.js")
const report = built("modules/order-rhythm/figures/rhythm-report.js")

const OPTIONS = { timezone: "Asia/Shanghai", finalStage: "shipped" as const, slaHours: { fulfilled: 24, shipped: 36 } }
const DAY = 86_400_000
const pct = percentile

async function main() {
  const db = process.argv[2] || "order_rhythm_demo"
  const knex = require(require.resolve("knex", { paths: [path.dirname(require.resolve("@medusajs/framework/utils"))] }))({ client: "pg", connection: { host: "localhost", user: "postgres", database: db }, pool: { min: 1, max: Number(process.env.BREAKDOWN_POOL || 4) } })
  const channels: string[] = (await knex("order_rhythm_order_fact").distinct("sales_channel_id")).map((r: any) => r.sales_channel_id).filter(Boolean)
  const [{ first }] = await knex("order_rhythm_order_fact").min("placed_at as first")
  const nowMs = Date.now()
  const { ClosedHourCache } = built("modules/order-rhythm/store/closed-hours.js")
  const { storeClosedHours } = built("modules/order-rhythm/store/read-recent-hours.js")
  const closedHours = process.env.BREAKDOWN_CLOSED_HOURS ? new ClosedHourCache(storeClosedHours((read: any) => read(knex))) : undefined
  if (closedHours) await (await closedHours.view()).hours([{ fromMs: Date.parse(first), toMs: nowMs }])
  let seed = 11
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
  for (const days of [7, 365]) {
    const parts: Record<string, number[]> = {}
    const add = (k: string, ms: number) => (parts[k] ??= []).push(ms)
    for (let i = 0; i < 20; i++) {
      const span = Math.max(0, nowMs - Date.parse(first) - days * DAY)
      const end = nowMs - random() * Math.min(span, 30 * DAY)
      const ch = i % 3 === 0 ? undefined : [channels[i % channels.length]]
      const params = { nowUtc: new Date(nowMs).toISOString(), fromUtc: new Date(end - days * DAY).toISOString(), toUtc: new Date(end).toISOString(), granularity: (i % 2 ? "day" : "hour") as any, channels: ch }
      const t0 = performance.now()
      const out = await report.rhythmReport(OPTIONS, async (filter: any) => {
        const timed = async <T>(name: string, p: Promise<T>) => { const s = performance.now(); const r = await p; add(`sql ${name}`, performance.now() - s); return r }
        // As the service reads once the digests are built: the open orders raw, the cohort digested.
        const input = await rhythmInput.readRhythmInput(knex, filter, { ...OPTIONS, digested: true, timed, closedHours })
        const { buckets, windowBuckets, flows, cohort, coverageStartUtc, heatTotals } = input
        add("rows buckets", (buckets as unknown[]).length); add("rows flows", (flows as unknown[]).length)
        const s = performance.now()
        const win = { fromUtc: filter.fromUtc, toUtc: filter.toUtc }
        const b = engine.prepareBuckets(buckets), f = engine.prepareFlows(flows), wb = windowBuckets ? engine.prepareBuckets(windowBuckets) : b
        add("engine prepare", performance.now() - s)
        const time = (name: string, fn: () => unknown) => { const s = performance.now(); fn(); add(`engine ${name}`, performance.now() - s) }
        time("rates", () => engine.flowRates(wb, win, params.nowUtc, ch))
        time("backlog", () => engine.backlogAt(f, params.nowUtc, OPTIONS.finalStage, { channels: ch }))
        time("cycleTimes", () => engine.cycleTimesOf(cohort, OPTIONS.finalStage))
        time("sla", () => engine.slaBreaches(f, win, params.nowUtc, { ...OPTIONS, channels: ch, cohort }))
        time("heatMap", () => engine.heatMapFromTotals(heatTotals, { fromUtc: new Date(Date.parse(filter.toUtc) - 56 * DAY).toISOString(), toUtc: filter.toUtc }, OPTIONS.timezone))
        time("today", () => engine.todayIntake(b, params.nowUtc, OPTIONS.timezone, engine.seasonalProfileCurve(b, { channels: ch, coverageStartUtc }), { channels: ch }))
        time("series", () => engine.rhythmSeries(wb, win, OPTIONS.timezone, params.granularity, ch))
        return input
      }, params)
      add("report total (reads + engine, parts above run again inside)", performance.now() - t0)
      const s = performance.now(); JSON.stringify(out); add("json", performance.now() - s)
    }
    console.log(`\n${days}-day windows (20 requests, hour/day alternating, 1/3 all channels):`)
    for (const [k, xs] of Object.entries(parts)) console.log(`  ${k.padEnd(62)} p50 ${pct(xs, 50).toFixed(1).padStart(8)}  p95 ${pct(xs, 95).toFixed(1).padStart(8)}`)
  }
  await knex.destroy()
}
main().catch((e) => { console.error(e); process.exit(1) })
