/**
 * `pnpm bench:rhythm-api`: GET /admin/order-rhythm/rhythm over a year of 1,000,000 order lines
 * while ingestion continues.
 *
 * The database (BENCH_RHYTHM_DB, default order_rhythm_api_1m) is made once when missing:
 * migrated, then filled by bench/rhythm-api/million-lines-exec.ts (a year of facts written
 * straight into the plugin's tables, aggregated by the plugin's own recounts and digest rebuild;
 * its header says why). Point BENCH_RHYTHM_DB at a copy of the demo's database for real orders.
 * The server (bench/rhythm-api/server.ts, the test app in-process, HTTP port
 * BENCH_RHYTHM_HTTP_PORT, default 9500) makes real orders through Medusa's createOrderWorkflow
 * beforehand, then emits their order.placed (BENCH_RHYTHM_INGEST_PER_S, default 5 a second)
 * while the requests are timed, so the plugin ingests all the while.
 * Requests: random windows of 7 and 365 days ending within the history (or now), hour and day
 * granularity, all channels or one random channel, interleaved; BENCH_RHYTHM_REQUESTS per group
 * (default 25). Prints p50/p95 per group and, as its last line, the headline JSON.
 * The per-part breakdown (SQL reads vs engine) is bench/rhythm-api/breakdown.ts.
 *
 * BENCH_RHYTHM_TOPOLOGY=server+worker runs the store as Medusa documents for production: the
 * requests go to a `server` process and the events to a `worker` process (`medusa start`,
 * MEDUSA_WORKER_MODE=worker) through Redis (medusa-config.js, MEDUSA_EVENT_BUS=redis;
 * BENCH_RHYTHM_REDIS_URL, default redis://127.0.0.1:6379/8), so the ingestion runs beside the
 * API, not in its process. The default is one `shared` process doing both.
 */
import { mkdirSync } from "node:fs"
import { percentile, publishFigures, RESULTS, runBench } from "./lib/figures"
import path from "node:path"
import { client, forkTs, now } from "./live/rpc"
import { runMedusa } from "../tests/helpers/medusa-process"
import { startMedusa, type RunningMedusa } from "../tests/helpers/medusa-server"
import { serverWorkerEnv, topologyFrom } from "./lib/topology"
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { ensurePostgres, databaseUrl } = require("../scripts/lib/postgres")

/** Creates the database when it does not exist; true when it did not. */
async function createDatabase(pg: any, name: string): Promise<boolean> {
  const { Client } = require("pg")
  const admin = new Client({ host: pg.host, port: pg.port, user: pg.user, password: pg.password, database: "postgres" })
  await admin.connect()
  try {
    const { rows } = await admin.query("select 1 from pg_database where datname = $1", [name])
    if (rows.length) return false
    await admin.query(`create database "${name}"`)
    return true
  } finally {
    await admin.end()
  }
}

const APP_DIR = path.resolve(__dirname, "..")
const DATABASE = process.env.BENCH_RHYTHM_DB || "order_rhythm_api_1m"
const INGEST_PER_S = Number(process.env.BENCH_RHYTHM_INGEST_PER_S ?? 5)
const HTTP_PORT = Number(process.env.BENCH_RHYTHM_HTTP_PORT || 9500)
const PER_GROUP = Number(process.env.BENCH_RHYTHM_REQUESTS || 25)
const OPTIONS = process.env.BENCH_RHYTHM_OPTIONS || JSON.stringify({ timezone: "Asia/Shanghai", socket: { port: 0 }, slaHours: { fulfilled: 24, shipped: 36 } })
const TOPOLOGY = topologyFrom("BENCH_RHYTHM_TOPOLOGY")
const REDIS_URL = process.env.BENCH_RHYTHM_REDIS_URL || "redis://127.0.0.1:6379/8"
const DAY_MS = 86_400_000
const log = (s = "") => console.log(s)
const pct = percentile

async function main() {
  mkdirSync(RESULTS, { recursive: true })
  const pg = await ensurePostgres(log)
  const env = {
    DATABASE_URL: databaseUrl(pg, DATABASE),
    ORDER_RHYTHM_OPTIONS: OPTIONS,
    MEDUSA_ADMIN_DISABLED: "true",
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    PORT: String(HTTP_PORT),
  }
  const fresh = await createDatabase(pg, DATABASE)
  if (fresh || process.env.BENCH_RHYTHM_MIGRATE !== "0") {
    const migrated = await runMedusa(["db:migrate"], env, 600_000)
    if (migrated.code !== 0) throw new Error(`medusa db:migrate failed:\n${migrated.output.slice(-3000)}`)
  }
  if (fresh) {
    log(`${DATABASE}: writing a year of history (bench/rhythm-api/million-lines-exec.ts)...`)
    const filled = await runMedusa(["exec", "./bench/rhythm-api/million-lines-exec.ts"], env, 3_600_000)
    const line = filled.output.split("\n").find((l) => l.startsWith("MILLION "))
    if (filled.code !== 0 || !line) throw new Error(`filling ${DATABASE} failed:\n${filled.output.slice(-3000)}`)
    log(`  ${line.slice("MILLION ".length)}`)
  }
  const split = TOPOLOGY === "server+worker"
  const processEnv = split ? serverWorkerEnv(env, REDIS_URL, `rhythm-api-bench-${Date.now()}`) : env
  let worker: RunningMedusa | null = null
  if (split) {
    worker = await startMedusa({ ...processEnv, MEDUSA_WORKER_MODE: "worker" }, HTTP_PORT + 1, 300_000)
    log(`worker process up (pid ${worker.child.pid}); requests go to a server process`)
  }
  const server = forkTs(path.join(__dirname, "rhythm-api", "server.ts"), {
    cwd: APP_DIR,
    env: split ? { ...processEnv, MEDUSA_WORKER_MODE: "server" } : processEnv,
    logFile: path.join(RESULTS, "rhythm-api-server.log"),
    // BENCH_RHYTHM_CPU_PROF=1: a V8 CPU profile of the server, written to results/ when it stops.
    extraArgs: process.env.BENCH_RHYTHM_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${RESULTS}`] : [],
  })
  const call = client(server, "server")
  const figures: Record<string, number | null> = {}
  try {
    await call("info", undefined, 300_000)
    const { headers, channels, url, first, last, lines } = await call("apiSetup")
    const endMax = Math.max(Date.parse(last), Date.now())
    log(`${DATABASE}: ${lines.toLocaleString("en")} order lines, ${first} .. ${last}, channels ${channels.length}`)
    let seed = 7
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
    const groups = [7, 365].flatMap((days) => ["hour", "day"].flatMap((granularity) => ["all", "one"].map((scope) => ({ days, granularity, scope }))))
    const times = new Map<string, number[]>(groups.map((g) => [`${g.days}d ${g.granularity} ${g.scope}`, []]))
    const requests = Array.from({ length: PER_GROUP }, () => groups).flat()
    for (let i = 0; i < 5; i++) await fetch(`${url}/admin/order-rhythm/rhythm`, { headers }).then((r) => r.arrayBuffer())
    // Enough orders for the whole timing, at no fewer than 4 requests a second.
    if (INGEST_PER_S > 0) await call("ingestPrepare", Math.ceil((requests.length / 4) * INGEST_PER_S) + 20, 900_000)
    await call("ingestStart", INGEST_PER_S)
    // Medusa's own floor: an authenticated admin route of the plugin that reads no table.
    const floor: number[] = []
    for (const [i, g] of requests.entries()) {
      if (i % groups.length === 0) {
        const started = now()
        const response = await fetch(`${url}/admin/order-rhythm/live`, { headers })
        await response.arrayBuffer()
        if (response.ok) floor.push(now() - started)
      }
      const span = Math.max(0, endMax - Date.parse(first) - g.days * DAY_MS)
      const end = endMax - random() * span
      const params = new URLSearchParams({ from: new Date(end - g.days * DAY_MS).toISOString(), to: new Date(end).toISOString(), granularity: g.granularity })
      if (g.scope === "one") params.append("sales_channel_id", channels[Math.floor(random() * channels.length)])
      const started = now()
      const response = await fetch(`${url}/admin/order-rhythm/rhythm?${params}`, { headers })
      await response.arrayBuffer()
      if (!response.ok) throw new Error(`rhythm API answered ${response.status}`)
      times.get(`${g.days}d ${g.granularity} ${g.scope}`)!.push(now() - started)
    }
    const ingested = await call("ingestStop")
    log(`${split ? "server + worker processes" : "one shared process"}, while order.placed was emitted for ${ingested.emitted} real orders (${ingested.per_s}/s; ${ingested.ingested} ingested by the end):`)
    for (const [key, xs] of times) log(`  ${key.padEnd(16)} p50 ${pct(xs, 50).toFixed(1).padStart(7)} ms  p95 ${pct(xs, 95).toFixed(1).padStart(7)} ms`)
    log(`  Medusa's floor, GET /admin/order-rhythm/live (auth, no table read): p50 ${pct(floor, 50).toFixed(1)} ms  p95 ${pct(floor, 95).toFixed(1)} ms`)
    // The headline takes each window at the granularity a screen asks for it (a week by the
    // hour, a year by the day), as bench:ingest does; a year by the hour (8,760 points a channel)
    // is printed above and kept apart.
    const asked = (days: number) => [...times].filter(([k]) => k.startsWith(`${days}d ${days === 7 ? "hour" : "day"}`)).flatMap(([, v]) => v)
    const round = (v: number) => Math.round(v * 10) / 10
    for (const days of [7, 365]) {
      figures[`p50_ms_${days}d`] = round(pct(asked(days), 50))
      figures[`p95_ms_${days}d`] = round(pct(asked(days), 95))
    }
    figures.rhythm_api_p95_ms = round(pct([...asked(7), ...asked(365)], 95))
    figures.p95_ms_365d_by_hour = round(pct([...times].filter(([k]) => k.startsWith("365d hour")).flatMap(([, v]) => v), 95))
    figures.lines = lines
    figures.ingest_per_s = ingested.per_s
    figures.worker_process = split ? 1 : 0
    log("for comparison (measured on 20,000 orders): RSC Labs store analytics 5-330 ms, Agilo analytics 0.5-51 s per request")
  } finally {
    await call("stop", undefined, 30_000).catch(() => server.kill())
    await worker?.stop()
  }
  publishFigures("rhythm-api", figures, log)
}

runBench(main)
