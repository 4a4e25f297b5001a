/**
 * What one rhythm report costs the plugin's process, in CPU and wall time, on a database the
 * rhythm-api bench filled (read only): the wall's recount (48 hours by the hour, all channels and
 * one channel, the service's read path with its copy of the closed hours) and a 7-day window.
 * Runs the reports of the built plugin; with REPORT_CPU_BASELINE=<a plugin build folder holding
 * server/src, e.g. a copy of plugin/.medusa made at an earlier commit> it alternates with that
 * build in the same process, first checking that both give the same reports byte for byte.
 *
 * Usage: tsx bench/rhythm-api/report-cpu.ts [database, default order_rhythm_api_1m]
 * (REPORT_CPU_N reports per phase, default 150; 6 phases per build. REPORT_CPU_YEAR_BY_HOUR=1
 * asks for a year by the hour instead, 8,760 points a report, with 20 reports per phase by default.)
 */
import path from "node:path"
import { performance } from "node:perf_hooks"
import { builtPlugin, PLUGIN_DIR } from "../lib/built-plugin"

const { storeClosedHours } = builtPlugin("modules/order-rhythm/store/read-recent-hours.js")

const OPTIONS = { timezone: "Asia/Shanghai", finalStage: "shipped" as const, slaHours: { fulfilled: 24, shipped: 36 } }
const HOUR_MS = 3_600_000
const YEAR_BY_HOUR = process.env.REPORT_CPU_YEAR_BY_HOUR === "1"
const N = Number(process.env.REPORT_CPU_N || (YEAR_BY_HOUR ? 20 : 150))
const PHASES = 6

/** One build's rhythm report over the service's read path, with its own copy of the closed hours. */
function reportOf(buildDir: string, knex: any) {
  const built = (file: string) => require(path.join(buildDir, "server/src", file))
  const { ClosedHourCache } = built("modules/order-rhythm/store/closed-hours.js")
  const { readRhythmInput } = built("modules/order-rhythm/store/rhythm-input.js")
  const { rhythmReport } = built("modules/order-rhythm/figures/rhythm-report.js")
  // Both builds copy the closed hours through this build's reads (storeClosedHours, as the service
  // does): the reads are not what is compared, and a baseline may predate storeClosedHours.
  const closedHours = new ClosedHourCache(storeClosedHours((read: (knex: any) => Promise<unknown>) => read(knex)))
  return (params: object) => rhythmReport(OPTIONS, (filter: any) => readRhythmInput(knex, filter, { ...OPTIONS, digested: true, closedHours }), params)
}

async function main() {
  const db = process.argv[2] || "order_rhythm_api_1m"
  const knex = require(require.resolve("knex", { paths: [path.dirname(require.resolve("@medusajs/framework/utils"))] }))({
    client: "pg",
    connection: { host: "localhost", user: "postgres", database: db },
    pool: { min: 1, max: 10 },
  })
  const channels: string[] = (await knex("order_rhythm_order_fact").distinct("sales_channel_id")).map((r: any) => r.sales_channel_id).filter(Boolean)
  const builds = [
    ...(process.env.REPORT_CPU_BASELINE ? [{ name: "baseline", run: reportOf(path.resolve(process.env.REPORT_CPU_BASELINE), knex) }] : []),
    { name: "this build", run: reportOf(path.join(PLUGIN_DIR, ".medusa"), knex) },
  ]
  // three wall recounts (48 h, all channels or one) to one 7-day window, as the wall and an admin ask;
  // or a year by the hour
  const paramsAt = (i: number, atMs: number) => ({
    nowUtc: new Date(atMs).toISOString(),
    fromUtc: new Date(atMs - (YEAR_BY_HOUR ? 365 * 24 : i % 4 === 3 ? 7 * 24 : 48) * HOUR_MS).toISOString(),
    toUtc: new Date(atMs).toISOString(),
    granularity: "hour",
    channels: i % 2 ? [channels[i % channels.length]] : undefined,
  })
  if (builds.length === 2) {
    let same = 0
    for (let i = 0; i < 8; i++) {
      const params = paramsAt(i, Date.now())
      const [a, b] = await Promise.all(builds.map(async (b) => JSON.stringify(await b.run(params))))
      if (a === b) same++
    }
    console.log(`same report from both builds: ${same} of 8${same === 8 ? "" : " — THEY DIFFER"}`)
  }
  const cpu = new Map<string, number[]>()
  for (let phase = 0; phase < PHASES; phase++) {
    for (const build of phase % 2 ? builds.slice().reverse() : builds) {
      for (let i = 0; i < (YEAR_BY_HOUR ? 3 : 20); i++) await build.run(paramsAt(i, Date.now())) // warm
      const c0 = process.cpuUsage()
      const t0 = performance.now()
      for (let i = 0; i < N; i++) await build.run(paramsAt(i, Date.now()))
      const used = process.cpuUsage(c0)
      const perReport = (used.user + used.system) / 1000 / N
      cpu.set(build.name, [...(cpu.get(build.name) ?? []), perReport])
      console.log(`  ${build.name.padEnd(10)} wall ${((performance.now() - t0) / N).toFixed(2).padStart(6)} ms  CPU ${perReport.toFixed(2).padStart(6)} ms per report`)
    }
  }
  const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[xs.length >> 1]
  for (const [name, xs] of cpu) console.log(`${name}: median CPU per report ${median(xs).toFixed(2)} ms over ${PHASES} phases of ${N}`)
  if (builds.length === 2) console.log(`this build / baseline: ${(median(cpu.get("this build")!) / median(cpu.get("baseline")!)).toFixed(3)}`)
  await knex.destroy()
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
