/**
 * `pnpm bench:ingest`: how fast the plugin turns Medusa's orders into facts, and what it costs.
 *
 * Two processes: this one (orchestrator, HTTP client) and bench/ingest/server.ts, the test app
 * booted in-process (HTTP port BENCH_INGEST_HTTP_PORT, default 9201) so that `order.placed`
 * goes through Medusa's local event bus. Own database BENCH_INGEST_DB (default
 * order_rhythm_ingest_bench; dropped and recreated unless BENCH_INGEST_REUSE=1 finds the pizza
 * history already written). BENCH_INGEST_SKIP=backfill,live,api,checkout skips phases.
 *
 * 1. History: the 21,350 orders (48,620 lines) of ../shared/data/pizza_* written through
 *    Medusa's modules, backdated to 2015, with payments, fulfilments, deliveries, a few
 *    cancellations and returns (bench/ingest/pizza-plan.ts, src/demo/history-writer.ts).
 * 2. Backfill: the plugin's facts emptied, then reconcileOrders({ fromScratch }) (the
 *    workflow live events use), BENCH_INGEST_BACKFILL_RUNS times; headline = median lines/s.
 * 3. Live: fresh orders (Order module, no events), then `order.placed` emitted through the
 *    event bus at rising rates for BENCH_INGEST_LIVE_SECONDS each. Lag per order = when its
 *    fact row was written minus when its event was emitted. A rate is sustained when every
 *    order is in within 2 s of the last emit and the lag of the last second's orders is not
 *    above the first second's by more than 500 ms. Headline = orders ingested per second
 *    (count / span from first emit to last fact) at the highest sustained rate.
 * 4. Rhythm API: the pizza year's facts copied into earlier years until the plugin holds
 *    >= 1,000,000 lines (SQL copies of the fact rows, then the plugin's own hour-bucket
 *    recount: writing 1M lines through Medusa's modules would take ~3 h here, and the API
 *    reads only the plugin's tables, so how the rows got there does not change its cost),
 *    then GET /admin/order-rhythm/rhythm with random 7- and 365-day windows and random
 *    channel filters while `order.placed` keeps arriving at 20/s; headline = p95 ms.
 * 5. Checkout overhead (bench/ingest/checkout.ts), after that server has stopped: two more
 *    processes on the same database, on the next two ports, one with the plugin and one without;
 *    carts completed through the store API open loop at BENCH_INGEST_CHECKOUT_RATES (default
 *    10/s; the last is the headline, lower ones before it are extra lines) in alternating phases of
 *    BENCH_INGEST_CHECKOUT_SECONDS (15) x 2 x BENCH_INGEST_CHECKOUT_PAIRS (4), then
 *    BENCH_INGEST_CHECKOUT_BACKFILL_SECONDS (20) with the plugin's backfill running.
 *    Headline = p50 and p95 with / without; extra keys: the same during the backfill, the
 *    rate sent and the rate served (below the rate sent, the server fell behind and the
 *    latencies are those of a queue). It needs only the shop: BENCH_INGEST_SKIP=backfill,live,api with a small
 *    BENCH_INGEST_ORDERS runs it alone (the history is what the backfill phase reads, so a
 *    few thousand orders keep it busy; a shorter run is started again).
 *    BENCH_INGEST_TOPOLOGY=server+worker gives each side a worker process, events through Redis
 *    (BENCH_INGEST_REDIS_URL, default redis://127.0.0.1:6379/9), as Medusa deploys for production.
 */
import { mkdirSync, writeFileSync } from "node:fs"
import { median, percentile, publishFigures, RESULTS, runBench } from "./lib/figures"
import path from "node:path"
import { client, forkTs, now } from "./live/rpc"
import { benchDatabase } from "./live/bench-database"
import { measureCheckoutOverhead } from "./ingest/checkout"
import { topologyFrom } from "./lib/topology"
import { runMedusa } from "../tests/helpers/medusa-process"

const APP_DIR = path.resolve(__dirname, "..")
const DATABASE = process.env.BENCH_INGEST_DB || "order_rhythm_ingest_bench"
const HTTP_PORT = Number(process.env.BENCH_INGEST_HTTP_PORT || 9201)
const REUSE = process.env.BENCH_INGEST_REUSE === "1"
const BACKFILL_RUNS = Number(process.env.BENCH_INGEST_BACKFILL_RUNS || 3)
const LIVE_RATES = (process.env.BENCH_INGEST_LIVE_RATES || "50,100,200,400,800").split(",").map(Number)
const LIVE_SECONDS = Number(process.env.BENCH_INGEST_LIVE_SECONDS || 5)
const API_REQUESTS = Number(process.env.BENCH_INGEST_API_REQUESTS || 200)
const TARGET_LINES = 1_000_000
const SKIP = new Set((process.env.BENCH_INGEST_SKIP || "").split(",").filter(Boolean))
const CHECKOUT_RATES = (process.env.BENCH_INGEST_CHECKOUT_RATES || "10").split(",").map(Number)
const number = (name: string, fallback: number) => Number(process.env[name] || fallback)
/** The checkout phase's processes: "shared" (one per side) or "server+worker" (see ingest/checkout.ts). */
const TOPOLOGY = topologyFrom("BENCH_INGEST_TOPOLOGY")

// The checkout phase's two servers take the next two ports.
if (HTTP_PORT < 9200 || HTTP_PORT + 2 > 9299) throw new Error("BENCH_INGEST_HTTP_PORT must be within 9200-9297")

const log = (s = "") => console.log(s)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const pct = percentile

async function database() {
  if (REUSE) {
    const { databaseUrl, ensurePostgres } = require("../scripts/lib/postgres")
    const pg = await ensurePostgres(log)
    const env = {
      DATABASE_URL: databaseUrl(pg, DATABASE),
      ORDER_RHYTHM_OPTIONS: JSON.stringify({ timezone: "UTC", socket: { port: 0 } }),
      MEDUSA_ADMIN_DISABLED: "true",
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      PORT: String(HTTP_PORT),
    }
    // Reused, but brought up to this build's schema (a no-op when it is).
    const migrated = await runMedusa(["db:migrate"], env, 600_000)
    if (migrated.code !== 0) throw new Error(`medusa db:migrate failed:\n${migrated.output.slice(-3000)}`)
    return env
  }
  return (await benchDatabase(log, DATABASE, HTTP_PORT)).env
}

async function main() {
  const figures: Record<string, number | null> = {
    backfill_lines_per_s: null,
    live_orders_per_s: null,
    checkout_p50_ratio: null,
    checkout_p95_ratio: null,
    rhythm_api_p95_ms: null,
    checkout_backfill_p50_ratio: null,
    checkout_backfill_p95_ratio: null,
    checkout_per_s: null,
    checkout_served_per_s: null,
    checkout_cpu_ms_plugin: null,
    checkout_cpu_ms_plain: null,
    checkout_worker_process: null,
    checkout_worker_cpu_ms_plugin: null,
    checkout_worker_cpu_ms_plain: null,
  }
  mkdirSync(RESULTS, { recursive: true })
  const env = await database()
  const server = forkTs(path.join(__dirname, "ingest", "server.ts"), { cwd: APP_DIR, env, logFile: path.join(RESULTS, "ingest-server.log") })
  const call = client(server, "server")
  try {
    const info = await call<{ url: string }>("info", undefined, 300_000)
    log(`server up at ${info.url}`)

    const seeded = await call("seed", { limit: process.env.BENCH_INGEST_ORDERS ? Number(process.env.BENCH_INGEST_ORDERS) : undefined }, 1_800_000)
    log(
      seeded.reused
        ? `history: ${seeded.orders.toLocaleString("en")} pizza orders found (reused)`
        : `history: ${seeded.orders.toLocaleString("en")} pizza orders, ${seeded.lines.toLocaleString("en")} lines written in ${seeded.seconds.toFixed(0)} s (${(seeded.orders / seeded.seconds).toFixed(0)} orders/s)`
    )

    if (!SKIP.has("backfill")) {
      const rates: number[] = []
      for (let run = 1; run <= BACKFILL_RUNS; run++) {
        const r = await call("backfill", {}, 1_800_000)
        rates.push(r.lines / r.seconds)
        log(`backfill run ${run}: ${r.orders.toLocaleString("en")} orders, ${r.lines.toLocaleString("en")} lines in ${r.seconds.toFixed(1)} s = ${(r.lines / r.seconds).toFixed(0)} lines/s (${(r.orders / r.seconds).toFixed(0)} orders/s)`)
      }
      figures.backfill_lines_per_s = Math.round(median(rates))
      log(`backfill: median ${figures.backfill_lines_per_s} lines/s (goal >= 2,000)`)
    }

    if (!SKIP.has("live")) {
      log(`live ingestion: order.placed through the event bus, ${LIVE_SECONDS} s per rate`)
      let best: number | null = null
      for (const rate of LIVE_RATES) {
        const count = rate * LIVE_SECONDS
        const ids: string[] = await call("prepareOrders", { count }, 600_000)
        const emitted: number[] = await call("burst", { ids, perSecond: rate }, 600_000)
        const lastEmit = Math.max(...emitted)
        let ingested: Array<number | null> = []
        const deadline = Date.now() + 60_000
        while (Date.now() < deadline) {
          ingested = await call("ingestedAt", { ids })
          if (ingested.every((at) => at !== null)) break
          await sleep(250)
        }
        const done = ingested.filter((at): at is number => at !== null)
        const lags = ids.map((_, i) => (ingested[i] ?? Infinity) - emitted[i])
        const firstEmit = Math.min(...emitted)
        const firstSecond = lags.filter((_, i) => emitted[i] < firstEmit + 1000)
        const lastSecond = lags.filter((_, i) => emitted[i] > lastEmit - 1000)
        const drained = done.length === ids.length ? Math.max(...done) - lastEmit : Infinity
        const throughput = done.length / ((Math.max(...done) - firstEmit) / 1000)
        const sustained = drained <= 2000 && pct(lastSecond, 95) <= pct(firstSecond, 95) + 500
        log(
          `  ${rate}/s: ${done.length}/${ids.length} in, lag p50 ${pct(lags, 50).toFixed(0)} ms p95 ${pct(lags, 95).toFixed(0)} ms ` +
            `(first second p95 ${pct(firstSecond, 95).toFixed(0)}, last ${pct(lastSecond, 95).toFixed(0)}), drained ${drained.toFixed(0)} ms after the last emit, ` +
            `${throughput.toFixed(0)} orders/s: ${sustained ? "sustained" : "lag grows"}`
        )
        if (!sustained) break
        best = Math.round(Math.min(throughput, rate))
      }
      figures.live_orders_per_s = best
      log(`live: ${best ?? "no rate"} orders/s sustained by one process`)
    }

    if (!SKIP.has("api")) {
      const copies = Math.ceil(TARGET_LINES / seeded.lines) - 1
      const grown = await call("multiply", { copies }, 1_800_000)
      log(`rhythm API: facts grown to ${grown.lines.toLocaleString("en")} lines (${copies} earlier years copied by SQL, buckets recounted) in ${grown.seconds.toFixed(0)} s`)
      const { headers, channels, url } = await call("apiSetup")
      const background: string[] = await call("prepareOrders", { count: 20 * 60 }, 600_000)
      const ingesting = call("burst", { ids: background, perSecond: 20 }, 600_000).catch(() => null)
      const to = Date.parse("2015-12-31T23:59:59Z")
      const from = Date.parse(grown.from)
      const times: Record<string, number[]> = { "7": [], "365": [] }
      const failed: Array<{ status: number; query: string; body: string }> = []
      let seed = 7
      const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648)
      for (let i = 0; i < API_REQUESTS; i++) {
        const days = i % 2 ? 365 : 7
        const end = from + days * 86_400_000 + random() * (to - from - days * 86_400_000)
        const params = new URLSearchParams({ from: new Date(end - days * 86_400_000).toISOString(), to: new Date(end).toISOString(), granularity: days === 7 ? "hour" : "day" })
        const pick = random()
        if (pick < 1 / 3) params.append("sales_channel_id", channels[0])
        else if (pick < 2 / 3) params.append("sales_channel_id", channels[1])
        const started = now()
        const response = await fetch(`${url}/admin/order-rhythm/rhythm?${params}`, { headers })
        const body = await response.text()
        if (!response.ok) {
          // Every refused or failed read is shown with its answer; the run goes on to the end.
          failed.push({ status: response.status, query: params.toString(), body: body.slice(0, 500) })
          continue
        }
        times[String(days)].push(now() - started)
      }
      await ingesting
      for (const answer of failed) log(`  rhythm API answered ${answer.status} to ?${answer.query}: ${answer.body}`)
      figures.rhythm_api_non_2xx = failed.length
      const all = [...times["7"], ...times["365"]]
      figures.rhythm_api_p95_ms = Math.round(pct(all, 95) * 10) / 10
      log(`rhythm API on ${grown.lines.toLocaleString("en")} lines, while order.placed arrives at 20/s: p50 ${pct(all, 50).toFixed(1)} ms, p95 ${pct(all, 95).toFixed(1)} ms (7-day p95 ${pct(times["7"], 95).toFixed(1)}, 365-day p95 ${pct(times["365"], 95).toFixed(1)}; goal p95 <= 20 ms); ${failed.length} of ${API_REQUESTS} answers not 2xx`)
    }
  } finally {
    await call("stop", undefined, 30_000).catch(() => server.kill())
  }

  if (!SKIP.has("checkout")) {
    const runs = await measureCheckoutOverhead({
      env,
      appDir: APP_DIR,
      pluginPort: HTTP_PORT + 1,
      plainPort: HTTP_PORT + 2,
      rates: CHECKOUT_RATES,
      phaseSeconds: number("BENCH_INGEST_CHECKOUT_SECONDS", 15),
      pairs: number("BENCH_INGEST_CHECKOUT_PAIRS", 4),
      warmupSeconds: number("BENCH_INGEST_CHECKOUT_WARMUP_SECONDS", 5),
      backfillSeconds: number("BENCH_INGEST_CHECKOUT_BACKFILL_SECONDS", 20),
      log,
      topology: TOPOLOGY,
      redisUrl: process.env.BENCH_INGEST_REDIS_URL || "redis://127.0.0.1:6379/9",
    })
    writeFileSync(path.join(RESULTS, "ingest-checkout.json"), JSON.stringify(runs, null, 1) + "\n")
    const headline = runs[runs.length - 1]
    const ratio = (x: number) => (Number.isFinite(x) ? Math.round(x * 1000) / 1000 : null)
    figures.checkout_p50_ratio = ratio(headline.p50Ratio)
    figures.checkout_p95_ratio = ratio(headline.p95Ratio)
    figures.checkout_backfill_p50_ratio = ratio(headline.backfillP50Ratio)
    figures.checkout_backfill_p95_ratio = ratio(headline.backfillP95Ratio)
    figures.checkout_per_s = Math.round(headline.achievedPerSecond * 100) / 100
    figures.checkout_served_per_s = Math.round(headline.servedPerSecond * 100) / 100
    figures.checkout_cpu_ms_plugin = Math.round(headline.cpuMsPerOrder.plugin)
    figures.checkout_cpu_ms_plain = Math.round(headline.cpuMsPerOrder.plain)
    figures.checkout_worker_process = TOPOLOGY === "server+worker" ? 1 : 0
    figures.checkout_worker_cpu_ms_plugin = headline.workerCpuMsPerOrder ? Math.round(headline.workerCpuMsPerOrder.plugin) : null
    figures.checkout_worker_cpu_ms_plain = headline.workerCpuMsPerOrder ? Math.round(headline.workerCpuMsPerOrder.plain) : null
  }
  publishFigures("ingest", figures, log)
}

runBench(main)
