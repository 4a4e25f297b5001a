/**
 * `pnpm bench:live`: how fast an order reaches the wall screens, and what screens cost.
 *
 * Three processes on this machine (2 cores, shared):
 * - server (bench/live/server.ts): the test app with the plugin, booted in-process like
 *   @medusajs/test-utils' runner does, on HTTP port 9300 (BENCH_LIVE_HTTP_PORT) with the wall's
 *   Socket.IO on a free port. In-process because the burst's `order.placed` events must go
 *   through Medusa's (local, in-process) event bus; it is driven over IPC.
 * - clients (bench/live/clients.ts): 1, then 100, then 1,000 real socket.io-client screens
 *   holding a display token with scope `wall` (room `wall`).
 * - this process, the shopper: places orders through the store API over HTTP. Before each
 *   round it fills carts (cart, shipping method, payment session: prepareCart in
 *   src/clients/shopper.ts), then completes one every 200 ms (5 orders/s, open loop:
 *   a slow completion does not delay the next one; BENCH_LIVE_RATE sets another rate, for a
 *   machine whose Medusa alone cannot complete 5 a second). The whole checkout at 5/s is ~30 store
 *   requests/s, which this 2-core machine did not sustain (2.3 orders/s, 7 s per checkout).
 *
 * Per round it also prints what an order costs: CPU of the server and of the screens' process,
 * and the messages, deltas and bytes one screen receives, per key.
 *
 * Latency: from the moment this process has the answer of `POST /store/carts/:id/complete`
 * to the moment a screen has applied the `ticker.latest` delta carrying that order id. Both
 * ends use the machine's clock at sub-millisecond resolution (performance.timeOrigin +
 * performance.now() in each process); the offset between processes is checked over IPC
 * and printed. p50/p95/p99 over all (order, screen) pairs; each client count is measured in
 * ROUNDS rounds and the headline is the median of the rounds' p95. Each round also splits the
 * way in two at the moment the hub hands the order's ticker entry to the screens' server
 * (live/server.ts stampHandoffs): Medusa's side (event, load, early publication) and the
 * screens' side (the hop to the screen thread, the fan-out, the screens' processes).
 *
 * Memory: the server process's V8 heap used + external memory (Buffers, ArrayBuffers) after
 * two forced GCs (--expose-gc), with 100 screens and with 1,000 (median of 3 samples a second
 * apart, each after the stream has been idle); per screen = difference / 900. That is the
 * headline, because RSS swings by tens of MB with what glibc returns to the system after a GC
 * (a first try saw RSS fall by 60 MB while 9 screens were added); RSS is printed beside it.
 *
 * Burst: BURST_ORDERS orders made beforehand with the Order module's createOrders, then their
 * `order.placed` events emitted through the event bus inside the server at 200/s while 1,000
 * screens watch. Messages per second per screen = `delta` messages (each carries the deltas of
 * one recount part) a screen received between the first emit and its last one, over that span
 * (median over screens; per-second bins printed).
 * burst_last_value_ms = from the last emit to the moment the last screen holds the final values
 * (its last delta, once every screen counts all the burst's orders and the stream has been
 * quiet for 3 s).
 *
 * Floor (BENCH_LIVE_FLOOR=0 skips it): after the rounds, the same client processes open as
 * many screens on a bare Socket.IO server (bench/live/bare-server.ts: no Medusa, no plugin)
 * that streams the wall's two messages per order at the same rate; emit -> screen p50/p95/p99,
 * and the ratio of the bench's p95 to it. It is what the transport and this machine cost for
 * that many screens before any of our work, so a slow machine shows as a high floor.
 *
 * BENCH_LIVE_TOPOLOGY=server+worker runs the store as Medusa deploys it for production: the
 * server above in MEDUSA_WORKER_MODE=server takes the checkouts and serves the screens, a
 * `medusa start` in MEDUSA_WORKER_MODE=worker ingests, events and deltas pass through Redis
 * (BENCH_LIVE_REDIS_URL, default redis://127.0.0.1:6379/10; medusa-config.js MEDUSA_EVENT_BUS=redis,
 * the plugin's `redisUrl`). Per order it then also prints the worker's CPU.
 *
 * Own database (order_rhythm_bench_live, dropped and recreated), own ports, bounded waits.
 * Needs ~2,100 file descriptors (ulimit -n is raised if the soft limit is lower and the hard
 * one allows it; otherwise it says so).
 */
import { ChildProcess, execSync } from "node:child_process"
import { mkdirSync, writeFileSync } from "node:fs"
import path from "node:path"
import { client, exited, forkTs, now } from "./live/rpc"
import { clientGroup } from "./live/client-group"
import { benchDatabase } from "./live/bench-database"
import { median } from "./lib/figures"
import { capacityLine, postgresCpuMs, processCpuMs } from "./lib/capacity"
import { startMedusa, type RunningMedusa } from "../tests/helpers/medusa-server"
import { serverWorkerEnv, topologyFrom } from "./lib/topology"
import { httpClient } from "../src/clients/http-client"
import { completeCart, prepareCart } from "../src/clients/shopper"
import type { SeededStore } from "../src/seed/store"

const APP_DIR = path.resolve(__dirname, "..")
const RESULTS = path.join(__dirname, "results")
const DATABASE = "order_rhythm_bench_live"
const HTTP_PORT = Number(process.env.BENCH_LIVE_HTTP_PORT || 9300)
const COUNTS = (process.env.BENCH_LIVE_CLIENTS || "1,100,1000").split(",").map(Number)
const ROUNDS = Number(process.env.BENCH_LIVE_ROUNDS || 3)
const ORDERS_PER_ROUND = Number(process.env.BENCH_LIVE_ORDERS || 30)
/** The goal's steady rate; BENCH_LIVE_RATE for a machine whose Medusa cannot complete 5 checkouts a second (its queue would be measured, not the stream). */
const ORDERS_PER_SECOND = Number(process.env.BENCH_LIVE_RATE || 5)
const BURST_ORDERS = Number(process.env.BENCH_LIVE_BURST_ORDERS || 1000)
const BURST_ROUNDS = Number(process.env.BENCH_LIVE_BURST_ROUNDS || 1)
const BURST_RATE = 200
/** Processes the screens are shared out among (see bench/live/client-group.ts). */
const CLIENT_PROCESSES = Math.max(1, Number(process.env.BENCH_LIVE_CLIENT_PROCESSES || 1))
/** BENCH_LIVE_FLOOR=0 skips the bare Socket.IO floor (bench/live/bare-server.ts) after the rounds. */
const FLOOR = process.env.BENCH_LIVE_FLOOR !== "0"
const SKUS = ["BEANS-250", "BEANS-1000", "FILTER-100"]
const TOPOLOGY = topologyFrom("BENCH_LIVE_TOPOLOGY")
const REDIS_URL = process.env.BENCH_LIVE_REDIS_URL || "redis://127.0.0.1:6379/10"

if (HTTP_PORT < 9300 || HTTP_PORT > 9399) throw new Error("BENCH_LIVE_HTTP_PORT must be within 9300-9399")

const log = (s = "") => console.log(s)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const f1 = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : String(v))
/** Nearest-rank percentile of sorted values. */
const pct = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN)

async function waitUntil<T>(probe: () => Promise<T | null | false>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const value = await probe()
    if (value) return value
    await sleep(100)
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
}

function raiseFdLimit(needed: number) {
  // Node cannot call setrlimit; the limit of this process's children is what matters, and
  // they inherit it from the shell that started pnpm. Say so when it is too low.
  try {
    const soft = Number(execSync("sh -c 'ulimit -n'").toString().trim())
    if (Number.isFinite(soft) && soft < needed) {
      log(`WARNING: ulimit -n is ${soft}; 1,000 screens need ~${needed}. Run \`ulimit -n 4096\` before the bench.`)
    }
    return soft
  } catch {
    return NaN
  }
}

function forkLive(file: string, env: Record<string, string>, logFile: string, extraArgs: string[] = []): ChildProcess {
  return forkTs(path.join(__dirname, "live", file), { cwd: APP_DIR, env, logFile, extraArgs })
}

async function clockOffset(call: ReturnType<typeof client>) {
  let best = { rtt: Infinity, offset: 0 }
  for (let i = 0; i < 7; i++) {
    const t0 = now()
    const theirs = await call<number>("now")
    const t1 = now()
    if (t1 - t0 < best.rtt) best = { rtt: t1 - t0, offset: theirs - (t0 + t1) / 2 }
  }
  return best
}

/**
 * How long after its start each (order, screen) arrival came, sorted, over the orders in
 * `startedAt`; and how many (order, screen) pairs never arrived.
 */
function waits(collected: { screens: number; arrivals: Record<string, number[]> }, startedAt: Map<string, number>) {
  const samples: number[] = []
  let missing = 0
  for (const [id, start] of startedAt) {
    const got = collected.arrivals[id] ?? []
    missing += collected.screens - got.length
    for (const at of got) samples.push(at - start)
  }
  return { samples: samples.sort((a, b) => a - b), missing }
}

/**
 * The floor: the same screens (same processes, same LiveScreen) on a bare Socket.IO server that
 * streams the wall's two messages per order at the same rate, with nothing else running.
 * Latency there is from the emit to the screen holding the order.
 */
async function measureFloor(clients: ReturnType<typeof client>, count: number) {
  const bare = forkLive("bare-server.ts", {}, path.join(RESULTS, "live-bare-server.log"))
  const call = client(bare, "bare server")
  try {
    const port = await call<number>("listen")
    const offset = await clockOffset(call)
    log(``)
    log(`floor: a bare Socket.IO server (no Medusa, no plugin; clock offset ${offset.offset.toFixed(3)} ms), the wall's two messages per order at ${ORDERS_PER_SECOND}/s`)
    await clients("connect", { port, token: "floor", total: count }, 300_000)
    await clients("mode", { to: "latency" })
    await sleep(1500)
    const rounds: Array<{ p50: number; p95: number; p99: number }> = []
    for (let round = 0; round < ROUNDS; round++) {
      const emitted = await call<Array<{ id: string; at: number }>>("stream", { count: ORDERS_PER_ROUND, perSecond: ORDERS_PER_SECOND }, 300_000)
      await sleep(2000)
      const collected = await clients<{ screens: number; arrivals: Record<string, number[]> }>("collect", { orderIds: emitted.map((e) => e.id), forget: true })
      const { samples, missing } = waits(collected, new Map(emitted.map((e) => [e.id, e.at])))
      const r = { p50: pct(samples, 50), p95: pct(samples, 95), p99: pct(samples, 99) }
      rounds.push(r)
      log(`  round ${round + 1}: emit -> screen p50 ${f1(r.p50)}  p95 ${f1(r.p95)}  p99 ${f1(r.p99)} ms over ${samples.length} samples${missing ? `, ${missing} never arrived` : ""}`)
    }
    await clients("mode", { to: "off" })
    await clients("closeAll")
    return rounds
  } finally {
    await call("stop").catch(() => {})
    await exited(bare, 5_000)
  }
}

async function main() {
  const started = Date.now()
  mkdirSync(RESULTS, { recursive: true })
  const fdSoft = raiseFdLimit(2 * Math.max(...COUNTS) + 200)
  log(`bench:live: clients ${COUNTS.join(", ")} in ${CLIENT_PROCESSES} process(es); ${ROUNDS} rounds x ${ORDERS_PER_ROUND} orders at ${ORDERS_PER_SECOND}/s per client count; burst ${BURST_ORDERS} events at ${BURST_RATE}/s x ${BURST_ROUNDS}; ulimit -n ${fdSoft}`)

  const { env: baseEnv, pg } = await benchDatabase(log, DATABASE, HTTP_PORT)
  const split = TOPOLOGY === "server+worker"
  const env = split ? serverWorkerEnv(baseEnv, REDIS_URL, `live-bench-${Date.now()}`) : baseEnv
  let worker: RunningMedusa | null = null
  let t = Date.now()

  const children: ChildProcess[] = []
  const stopAll = () => children.forEach((c) => c.exitCode === null && c.kill("SIGKILL"))
  process.on("exit", stopAll)
  try {
    t = Date.now()
    const serverProc = forkLive("server.ts", split ? { ...env, MEDUSA_WORKER_MODE: "server" } : env, path.join(RESULTS, "live-server.log"), [
      "--expose-gc",
      // BENCH_LIVE_CPU_PROF=1: a V8 CPU profile of the server, written to results/ when it stops.
      ...(process.env.BENCH_LIVE_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${RESULTS}`] : []),
    ])
    children.push(serverProc)
    const server = client(serverProc, "server")
    const info = await server<{ url: string; wallPort: number; store: SeededStore; token: string; pid: number }>("info", undefined, 300_000)
    log(`server up in ${((Date.now() - t) / 1000).toFixed(1)} s: store API ${info.url}, wall socket port ${info.wallPort} (pid ${info.pid})`)
    if (split) {
      // Started once the server has seeded the store; it has no socket server of its own.
      worker = await startMedusa({ ...env, MEDUSA_WORKER_MODE: "worker" }, HTTP_PORT + 50, 300_000)
      log(`worker up (pid ${worker.child.pid}): it ingests; events and deltas pass through Redis`)
    }

    const clientProcs = Array.from({ length: CLIENT_PROCESSES }, (_, i) =>
      forkLive("clients.ts", {}, path.join(RESULTS, i ? `live-clients-${i + 1}.log` : "live-clients.log"))
    )
    children.push(...clientProcs)
    const clientCallers = clientProcs.map((proc, i) => client(proc, `clients ${i + 1}`))
    const clients = clientGroup(clientCallers)
    const offS = await clockOffset(server)
    const offC = await clockOffset(clientCallers[0])
    log(`clock offset vs this process: server ${offS.offset.toFixed(3)} ms (rtt ${offS.rtt.toFixed(2)}), clients ${offC.offset.toFixed(3)} ms (rtt ${offC.rtt.toFixed(2)})`)

    const api = httpClient(info.url)
    let orderNo = 0
    /** Carts ready to complete (not timed), three at a time. */
    const prepare = async (count: number) => {
      const carts: string[] = []
      for (let i = 0; i < count; i += 3) {
        const group = Array.from({ length: Math.min(3, count - i) }, () => {
          const n = orderNo++
          return prepareCart(api, info.store, [{ sku: SKUS[n % 3], quantity: 1 + (n % 2) }], `bench${n}@example.com`)
        })
        carts.push(...(await Promise.all(group)))
      }
      return carts
    }

    /** Completes the prepared carts at ORDERS_PER_SECOND (open loop); returns when each completion returned. */
    const placeSteadily = async (carts: string[]) => {
      const count = carts.length
      await sleep(1000)
      const begin = now()
      const done: Array<{ id: string; completedAt: number; checkoutMs: number }> = []
      let failed = 0
      await Promise.all(
        Array.from({ length: count }, async (_, i) => {
          const wait = begin + (i * 1000) / ORDERS_PER_SECOND - now()
          if (wait > 0) await sleep(wait)
          const s = now()
          try {
            const order = await completeCart(api, info.store, carts[i])
            const completedAt = now()
            done.push({ id: order.id, completedAt, checkoutMs: completedAt - s })
          } catch (error) {
            failed++
            log(`  an order failed: ${(error as Error).message.slice(0, 300)}`)
          }
        })
      )
      const span = (Math.max(...done.map((d) => d.completedAt)) - Math.min(...done.map((d) => d.completedAt))) / 1000
      return { done, failed, achievedPerSecond: (done.length - 1) / span }
    }

    const settledMemory = async () => {
      await sleep(2000)
      const samples: any[] = []
      for (let i = 0; i < 3; i++) {
        samples.push(await server("mem"))
        await sleep(1000)
      }
      const pick = (k: string) => median(samples.map((m) => m[k]))
      return { rss: pick("rss"), heapUsed: pick("heapUsed"), external: pick("external"), sockets: samples[2].sockets, gcExposed: samples[0].gcExposed }
    }

    const probe = async (when: string) => {
      const p = await server("probe", { times: 5 })
      log(
        `one recount of the wall's figures (${when}): room wall ${f1(p.wall.wallMs)} ms (${f1(p.wall.cpuMs)} ms CPU, ${p.wall.bytes} bytes of JSON), ` +
          `room wall:channel ${f1(p.channel.wallMs)} ms (${f1(p.channel.cpuMs)} ms CPU); each order recounts both`
      )
    }

    // Warm-up (not measured): one screen, a few orders through the whole path.
    await clients("connect", { port: info.wallPort, token: info.token, total: 1 })
    await clients("mode", { to: "latency" })
    const warm = await placeSteadily(await prepare(5))
    await clients("collect", { orderIds: warm.done.map((d) => d.id), forget: true })
    await probe("after the warm-up")

    const latency: Record<number, { rounds: Array<{ p50: number; p95: number; p99: number; max: number; n: number; missing: number; negative: number; checkoutP50: number; rate: number }>; pooled: number[] }> = {}
    const mem: { before?: any; after?: any } = {}
    for (const count of COUNTS) {
      if (count === Math.max(...COUNTS)) mem.before = await settledMemory()
      const c = await clients("connect", { port: info.wallPort, token: info.token, total: count }, 300_000)
      if (count === Math.max(...COUNTS)) mem.after = await settledMemory()
      await sleep(1500)
      log(``)
      log(`${count} screen(s) connected (${c.connected} up; the new ones in ${(c.ms / 1000).toFixed(1)} s)`)
      latency[count] = { rounds: [], pooled: [] }
      for (let round = 0; round < ROUNDS; round++) {
        // The carts are filled before the CPU is read: what an order costs is its checkout and what follows.
        const carts = await prepare(ORDERS_PER_ROUND)
        const serverCpu0 = await server<NodeJS.CpuUsage>("cpu")
        const mainBusy0 = await server<number>("mainThreadBusy")
        const screensBusy0 = await server<number | null>("screenThreadBusy")
        const workerCpu0 = worker ? processCpuMs(worker.child.pid!) : 0
        const clientsCpu0 = (await clients<{ cpu: NodeJS.CpuUsage }>("traffic")).cpu
        const postgresCpu0 = postgresCpuMs()
        const placed = await placeSteadily(carts)
        const ids = placed.done.map((d) => d.id)
        // Bounded: every screen holds every order, or 20 s after the last completion.
        let collected: { screens: number; arrivals: Record<string, number[]> } = { screens: count, arrivals: {} }
        await waitUntil(
          async () => {
            collected = await clients("collect", { orderIds: ids })
            return ids.every((id) => collected.arrivals[id].length >= collected.screens)
          },
          20_000,
          "every screen to hold every order"
        ).catch(() => log(`  round ${round + 1}: not every screen got every order within 20 s`))
        collected = await clients("collect", { orderIds: ids, forget: true })
        const handed = await server<Record<string, number | null>>("handoffs", { orderIds: ids })
        const cpuMs = (a: NodeJS.CpuUsage, b: NodeJS.CpuUsage) => (b.user + b.system - a.user - a.system) / 1000
        const serverCpu = cpuMs(serverCpu0, await server<NodeJS.CpuUsage>("cpu"))
        const mainBusy = (await server<number>("mainThreadBusy")) - mainBusy0
        const screensBusy1 = await server<number | null>("screenThreadBusy")
        const screensBusy = screensBusy0 === null || screensBusy1 === null ? null : screensBusy1 - screensBusy0
        const workerCpu = worker ? processCpuMs(worker.child.pid!) - workerCpu0 : null
        const postgresCpu = postgresCpuMs() - postgresCpu0
        const traffic = await clients<{ perKey: Record<string, { deltas: number; bytes: number }>; messages: number; cpu: NodeJS.CpuUsage }>("traffic")
        const n = Math.max(1, placed.done.length)
        const perKey = Object.entries(traffic.perKey).sort((a, b) => b[1].bytes - a[1].bytes)
        const screenBytes = perKey.reduce((sum, [, v]) => sum + v.bytes, 0)
        const screenDeltas = perKey.reduce((sum, [, v]) => sum + v.deltas, 0)
        const { samples, missing } = waits(collected, new Map(placed.done.map((d) => [d.id, d.completedAt])))
        latency[count].pooled.push(...samples)
        // The two halves of the way (server.ts stampHandoffs): per order, then per (order, screen).
        const handedAt = new Map<string, number>()
        for (const d of placed.done) if (typeof handed[d.id] === "number") handedAt.set(d.id, handed[d.id]!)
        const toHandoff = placed.done.filter((d) => handedAt.has(d.id)).map((d) => handedAt.get(d.id)! - d.completedAt).sort((a, b) => a - b)
        const fromHandoff = waits(collected, handedAt).samples
        const r = {
          p50: pct(samples, 50),
          p95: pct(samples, 95),
          p99: pct(samples, 99),
          max: samples[samples.length - 1],
          n: samples.length,
          missing,
          negative: samples.filter((x) => x < 0).length,
          checkoutP50: median(placed.done.map((d) => d.checkoutMs)),
          rate: placed.achievedPerSecond,
        }
        latency[count].rounds.push(r)
        log(
          `  round ${round + 1}: ${placed.done.length} orders (${placed.failed} failed) at ${r.rate.toFixed(2)}/s, checkout p50 ${f1(r.checkoutP50)} ms; ` +
            `completion -> screen: p50 ${f1(r.p50)}  p95 ${f1(r.p95)}  p99 ${f1(r.p99)}  max ${f1(r.max)} ms over ${r.n} samples` +
            (missing ? `, ${missing} never arrived` : "") +
            (r.negative ? `, ${r.negative} arrived before the completion returned` : "")
        )
        if (toHandoff.length) {
          log(
            `    of which: completion -> ticker handed to the screens' server p50 ${f1(pct(toHandoff, 50))}  p95 ${f1(pct(toHandoff, 95))} ms (per order); ` +
              `handed -> screen p50 ${f1(pct(fromHandoff, 50))}  p95 ${f1(pct(fromHandoff, 95))} ms (per screen)`
          )
        }
        log(
          `    per order: server CPU ${f1(serverCpu / n)} ms (its main thread busy ${f1(mainBusy / n)} ms${screensBusy === null ? "" : `, its screen thread ${f1(screensBusy / n)} ms`}), ${workerCpu === null ? "" : `worker CPU ${f1(workerCpu / n)} ms, `}screens' process CPU ${f1(cpuMs(clientsCpu0, traffic.cpu) / n)} ms; ` +
            `one screen got ${f1(traffic.messages / n)} messages, ${f1(screenDeltas / n)} deltas, ${f1(screenBytes / n / 1024)} KiB (` +
            perKey.map(([k, v]) => `${k} ${f1(v.deltas / n)} x ${Math.round(v.bytes / Math.max(1, v.deltas))} B`).join(", ") +
            `)`
        )
        // The shopper's process (this one) is left out: it only sends, and a real shop's shoppers are elsewhere.
        const spent: Record<string, number> = { "Medusa server": serverCpu / n }
        if (workerCpu !== null) spent["Medusa worker"] = workerCpu / n
        spent.PostgreSQL = postgresCpu / n
        spent["the screens' processes"] = cpuMs(clientsCpu0, traffic.cpu) / n
        log(`    ${capacityLine(ORDERS_PER_SECOND, spent, mainBusy / n)}`)
      }
      const pooled = latency[count].pooled.sort((a, b) => a - b)
      log(
        `  ${count} screen(s): median of rounds p50 ${f1(median(latency[count].rounds.map((r) => r.p50)))}  p95 ${f1(median(latency[count].rounds.map((r) => r.p95)))}  p99 ${f1(median(latency[count].rounds.map((r) => r.p99)))} ms` +
          ` (pooled p50 ${f1(pct(pooled, 50))} p95 ${f1(pct(pooled, 95))} p99 ${f1(pct(pooled, 99))})`
      )
    }

    const maxCount = Math.max(...COUNTS)
    const prevCount = COUNTS.filter((c) => c < maxCount).pop() ?? 0
    const added = maxCount - prevCount
    const kib = (a: number, b: number) => (b - a) / 1024 / added
    mem.before ??= await settledMemory()
    mem.after ??= mem.before
    log(``)
    log(
      `server memory, ${prevCount} -> ${maxCount} screens (${mem.before.sockets} -> ${mem.after.sockets} sockets, after GC${mem.after.gcExposed ? "" : " NOT exposed"}): ` +
        `RSS ${(mem.before.rss / 2 ** 20).toFixed(1)} -> ${(mem.after.rss / 2 ** 20).toFixed(1)} MiB = ${kib(mem.before.rss, mem.after.rss).toFixed(1)} KiB/screen; ` +
        `V8 heap ${(mem.before.heapUsed / 2 ** 20).toFixed(1)} -> ${(mem.after.heapUsed / 2 ** 20).toFixed(1)} MiB = ${kib(mem.before.heapUsed, mem.after.heapUsed).toFixed(1)} KiB/screen; ` +
        `external ${kib(mem.before.external, mem.after.external).toFixed(1)} KiB/screen; heap+external (headline) ${kib(mem.before.heapUsed + mem.before.external, mem.after.heapUsed + mem.after.external).toFixed(1)} KiB/screen`
    )

    // Burst, with every screen still connected.
    const bursts: Array<{ msgsPerSecond: number; peakPerSecond: number; lastValueMs: number; lastValueP50Ms: number; emitRate: number }> = []
    for (let round = 0; round < BURST_ROUNDS; round++) {
      log(``)
      t = Date.now()
      const ids = await server<string[]>("prepareBurst", { count: BURST_ORDERS }, 300_000)
      log(`burst ${round + 1}: ${ids.length} orders created beforehand (Order module createOrders) in ${((Date.now() - t) / 1000).toFixed(1)} s`)
      await sleep(1000)
      const before = await clients("status")
      await clients("mode", { to: "burst" })
      const emitted = await server<{ first: number; last: number; emitted: number; achievedPerSecond: number }>("burst", { ids, perSecond: BURST_RATE }, 120_000)
      const expected = before.maxOrders + ids.length
      const settled = await waitUntil(
        async () => {
          const s = await clients("status")
          return s.minOrders >= expected && s.quietMs >= 3000 ? s : null
        },
        300_000,
        `every screen to count ${expected} orders today`
      )
      await clients("mode", { to: "off" })
      const report = await clients("burstReport", { from: emitted.first })
      const finalSeq = settled.maxSeq
      const lasts = report.screens.map((s: any) => s.last)
      const wrong = report.screens.filter((s: any) => s.lastSeq !== finalSeq || s.orders !== expected).length
      const rates = report.screens.map((s: any) => s.count / ((s.last - emitted.first) / 1000))
      const b = {
        msgsPerSecond: median(rates),
        peakPerSecond: Math.max(...report.perSecondPerScreen),
        lastValueMs: Math.max(...lasts) - emitted.last,
        lastValueP50Ms: median(lasts) - emitted.last,
        emitRate: emitted.achievedPerSecond,
      }
      bursts.push(b)
      log(
        `  emitted ${emitted.emitted} order.placed in ${((emitted.last - emitted.first) / 1000).toFixed(2)} s (${b.emitRate.toFixed(0)}/s); ` +
          `each screen got a median ${median(report.screens.map((s: any) => s.count))} messages = ${b.msgsPerSecond.toFixed(1)} msgs/s (peak 1-s bin ${b.peakPerSecond.toFixed(1)}); ` +
          `per second after the first emit: ${report.perSecondPerScreen.map((x: number) => x.toFixed(0)).join(" ")}`
      )
      log(
        `  final values (seq ${finalSeq}, ${expected} orders today) on every screen ${f1(b.lastValueMs)} ms after the last emit (median screen ${f1(b.lastValueP50Ms)} ms); ` +
          `${wrong} screens differ from the final state; gaps ${settled.gaps}`
      )
    }

    await probe("after the burst")
    await clients("closeAll")
    await sleep(2000)
    const afterClose = await server("mem")
    log(``)
    log(`after closing all screens: ${afterClose.sockets} sockets, RSS ${(afterClose.rss / 2 ** 20).toFixed(1)} MiB, heap ${(afterClose.heapUsed / 2 ** 20).toFixed(1)} MiB`)

    const floor = FLOOR
      ? await measureFloor(clients, maxCount).catch((error) => {
          // The figures above stand without it.
          log(`floor: could not be measured: ${(error as Error)?.message ?? error}`)
          return null
        })
      : null
    const floorP95 = floor === null ? null : median(floor.map((r) => r.p95))
    if (floor && floorP95 !== null) {
      log(
        `  floor, ${maxCount} screen(s): median of rounds p50 ${f1(median(floor.map((r) => r.p50)))}  p95 ${f1(floorP95)}  p99 ${f1(median(floor.map((r) => r.p99)))} ms; ` +
          `bench p95 / floor p95 = ${(median(latency[maxCount].rounds.map((r) => r.p95)) / floorP95).toFixed(2)}`
      )
    }

    const p95 = (c: number) => (latency[c] ? Math.round(median(latency[c].rounds.map((r) => r.p95)) * 10) / 10 : null)
    const result = {
      p95_ms_1_client: p95(1),
      p95_ms_100_clients: p95(100),
      p95_ms_1000_clients: p95(1000),
      kib_per_client: Math.round(kib(mem.before.heapUsed + mem.before.external, mem.after.heapUsed + mem.after.external) * 10) / 10,
      burst_msgs_per_s_per_client: Math.round(median(bursts.map((b) => b.msgsPerSecond)) * 10) / 10,
      burst_last_value_ms: Math.round(median(bursts.map((b) => b.lastValueMs))),
      socketio_floor_p95_ms: floorP95 === null ? null : Math.round(floorP95 * 10) / 10,
    }
    const goal = result.p95_ms_1000_clients !== null && result.p95_ms_1000_clients < 50
    log(`goal p95 < 50 ms with 1,000 screens: ${goal ? "met" : "MISSED"} (${result.p95_ms_1000_clients} ms)`)
    log(`total ${((Date.now() - started) / 1000).toFixed(0)} s; server log bench/results/live-server.log`)

    await server("stop", undefined, 30_000).catch(() => {})
    // Let it exit by itself (a CPU profile is written on the way out), then stop waiting.
    await exited(serverProc, 20_000)
    await worker?.stop()
    for (const proc of clientProcs) proc.kill("SIGTERM")
    await pg.stop().catch(() => {})
    writeFileSync(path.join(RESULTS, "live.json"), JSON.stringify(result, null, 2) + "\n")
    console.log(JSON.stringify(result))
  } finally {
    stopAll()
    if (worker?.child.exitCode === null) worker.child.kill("SIGKILL")
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error?.stack ?? error)
    process.exit(1)
  }
)
