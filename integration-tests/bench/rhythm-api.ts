/**
 * `pnpm bench:rhythm-api`: GET /admin/order-rhythm/rhythm over a store's history.
 *
 * The server (bench/rhythm-api/server.ts, the test app in-process, HTTP port
 * BENCH_RHYTHM_HTTP_PORT, default 9500) runs over BENCH_RHYTHM_DB (default
 * order_rhythm_api_copy: a copy of the demo's year, `createdb -T order_rhythm_demo`), migrated
 * first. Requests: random windows of 7 and 365 days ending within the history (or now), hour and
 * day granularity, all channels or one random channel, interleaved; BENCH_RHYTHM_REQUESTS per
 * group (default 25). Prints p50/p95 per group and, as its last line, the headline JSON.
 * The per-part breakdown (SQL reads vs engine) is bench/rhythm-api/breakdown.ts.
 */
import { mkdirSync } from "node:fs"
import { percentile, publishFigures, RESULTS, runBench } from "./lib/figures"
import path from "node:path"
import { client, forkTs, now } from "./live/rpc"
import { runMedusa } from "../tests/helpers/medusa-process"

const APP_DIR = path.resolve(__dirname, "..")
const DATABASE = process.env.BENCH_RHYTHM_DB || "order_rhythm_api_copy"
const HTTP_PORT = Number(process.env.BENCH_RHYTHM_HTTP_PORT || 9500)
const PER_GROUP = Number(process.env.BENCH_RHYTHM_REQUESTS || 25)
const OPTIONS = process.env.BENCH_RHYTHM_OPTIONS || JSON.stringify({ timezone: "Asia/Shanghai", socket: { port: 0 }, slaHours: { fulfilled: 24, shipped: 36 } })
const DAY_MS = 86_400_000
const log = (s = "") => console.log(s)
const pct = percentile

async function main() {
  mkdirSync(RESULTS, { recursive: true })
  const env = {
    DATABASE_URL: `postgres://postgres@localhost:5432/${DATABASE}`,
    ORDER_RHYTHM_OPTIONS: OPTIONS,
    MEDUSA_ADMIN_DISABLED: "true",
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    PORT: String(HTTP_PORT),
  }
  if (process.env.BENCH_RHYTHM_MIGRATE !== "0") {
    const migrated = await runMedusa(["db:migrate"], env, 600_000)
    if (migrated.code !== 0) throw new Error(`medusa db:migrate failed:\n${migrated.output.slice(-3000)}`)
  }
  const server = forkTs(path.join(__dirname, "rhythm-api", "server.ts"), { cwd: APP_DIR, env, logFile: path.join(RESULTS, "rhythm-api-server.log") })
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
    for (const g of requests) {
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
    for (const [key, xs] of times) log(`  ${key.padEnd(16)} p50 ${pct(xs, 50).toFixed(1).padStart(7)} ms  p95 ${pct(xs, 95).toFixed(1).padStart(7)} ms`)
    for (const days of [7, 365]) {
      const xs = [...times].filter(([k]) => k.startsWith(`${days}d`)).flatMap(([, v]) => v)
      figures[`p50_ms_${days}d`] = Math.round(pct(xs, 50) * 10) / 10
      figures[`p95_ms_${days}d`] = Math.round(pct(xs, 95) * 10) / 10
    }
    const all = [...times.values()].flat()
    figures.rhythm_api_p95_ms = Math.round(pct(all, 95) * 10) / 10
    figures.lines = lines
  } finally {
    await call("stop", undefined, 30_000).catch(() => server.kill())
  }
  publishFigures("rhythm-api", figures, log)
}

runBench(main)
