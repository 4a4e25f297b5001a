/**
 * bench:ingest's checkout phase: what the plugin costs a shopper pressing "pay".
 *
 * Two Medusa processes on the same database and the same pizza shop, booted the same way
 * (bench/ingest/server.ts): one with the plugin, one without (ORDER_RHYTHM_DISABLED=1, which
 * medusa-config.js reads). Both in worker mode `server`: HTTP and the local event bus (so the
 * plugin's subscribers run in its process, after each answer, as in a store), but no
 * scheduled jobs, since the plugin's reconciliation job would ingest the other process's
 * orders, work a store whose every order passes through the subscribers does not have.
 *
 * Carts are filled beforehand through the store API (items, address, shipping method,
 * payment session), so the timed request is only POST /store/carts/:id/complete. They are
 * completed open loop at a fixed rate (bench/lib/open-loop.ts) in phases that alternate
 * between the two processes, plugin first in every other pair (P B B P P B ...) so a drift
 * of the machine during the run weighs on both alike; a warm-up on each is discarded. Between
 * phases the plugin's process is left to finish ingesting, so its work does not spill into
 * the next phase. Then once more with the plugin while its backfill from scratch (facts
 * emptied, reconcileOrders) runs in the same process, started again should it finish before
 * the phase does. (No phase without the plugin after that one: the plugin's process is still
 * busy after its backfill, and the machine is shared.)
 *
 * With topology "server+worker" (BENCH_INGEST_TOPOLOGY), each side is the pair Medusa documents
 * for production: a `server` process that takes the checkouts and a `worker` process (the same
 * bench server in MEDUSA_WORKER_MODE=worker) that runs the subscribers and jobs, events passing
 * through Redis on a queue of each side's own (medusa-config.js, MEDUSA_EVENT_BUS=redis). The
 * plugin then ingests, and backfills, in its worker; the CPU per checkout is the server's, each
 * side's worker's is printed beside it (what the plugin costs there is the difference). Its worker runs the plugin's jobs too: every five minutes its
 * reconciliation also ingests the other side's orders, work against the plugin's figures that a
 * store does not have.
 *
 * Ratios are of the latencies pooled over the alternating phases: with the plugin over
 * without, and during the backfill over the same without. Several rates run one after the
 * other on the same servers, the last one is the headline: run the lower ones first, since
 * every checkout adds to the hour and the day the plugin recounts on each order.
 */
import path from "node:path"
import { httpClient } from "../../src/clients/http-client"
import { completeCart, prepareCart, type CartLine } from "../../src/clients/shopper"
import type { SeededStore } from "../../src/seed/store"
import { median, percentile, RESULTS } from "../lib/figures"
import { achievedRate, openLoop, type Arrival } from "../lib/open-loop"
import { capacityLine, postgresCpuMs } from "../lib/capacity"
import { client, exited, forkTs, now } from "../live/rpc"
import { serverWorkerEnv, type Topology } from "../lib/topology"

export type CheckoutSettings = {
  /** The bench database's environment (DATABASE_URL, plugin options...). */
  env: Record<string, string>
  appDir: string
  pluginPort: number
  plainPort: number
  /** Checkouts per second, run in this order; the last is the headline, the others are extra lines. */
  rates: number[]
  phaseSeconds: number
  /** Pairs of phases (one with, one without the plugin). */
  pairs: number
  warmupSeconds: number
  backfillSeconds: number
  log: (line: string) => void
  /** "shared": one process per side, events handled in it; "server+worker": see the header. */
  topology?: Topology
  /** Redis for the events between server and worker (server+worker only). */
  redisUrl?: string
}

type Variant = "plugin" | "plain" | "backfill"
type Phase = { variant: Variant; seconds: number; warmup?: boolean }
type PhaseResult = Phase & {
  arrivals: Array<Arrival<string>>
  ingestLagMs?: number[]
  backfillPasses?: number
  /**
   * The serving process's CPU per checkout, up to the moment its facts were written (with the
   * plugin): what an order costs the machine, whatever the queueing. Unlike the latencies it
   * does not depend on how close to saturation the machine runs, so it compares across machines.
   */
  cpuMsPerOrder?: number
  /** server+worker: the side's worker's CPU per checkout over the phase (and, with the plugin, its ingestion). */
  workerCpuMsPerOrder?: number
  /** Every PostgreSQL process's CPU per checkout over the phase. */
  postgresCpuMsPerOrder?: number
  /** The serving process's event-loop delay over the phase (ms): how long a request could wait behind work already running. */
  loopDelay?: { p99: number; max: number; gcMs: number; gcMaxMs: number; heapMiB: number }
}

export type CheckoutFigures = {
  rate: number
  p50: Record<Variant, number>
  p95: Record<Variant, number>
  p50Ratio: number
  p95Ratio: number
  backfillP50Ratio: number
  backfillP95Ratio: number
  achievedPerSecond: number
  /** Checkouts answered per second, first send to last answer: below the rate, the server did not keep up. */
  servedPerSecond: number
  /** Median over the phases of the serving process's CPU per checkout, with and without the plugin. */
  cpuMsPerOrder: { plugin: number; plain: number }
  /** server+worker: the same for each side's worker. */
  workerCpuMsPerOrder: { plugin: number; plain: number } | null
  failed: number
  phases: Array<Record<string, unknown>>
}

/** The rate the goal is set at. */
const ISSUE_RATE = 10

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const cpuMs = (before: NodeJS.CpuUsage, after: NodeJS.CpuUsage) => (after.user - before.user + after.system - before.system) / 1000
const round = (x: number, digits = 1) => (Number.isFinite(x) ? Math.round(x * 10 ** digits) / 10 ** digits : null)

/** Carts of one to three pizzas, the same mix for every phase. */
function cartLines(store: SeededStore, i: number): CartLine[] {
  const skus = Object.keys(store.variants).sort()
  const count = 1 + (i % 3)
  return Array.from({ length: count }, (_, k) => ({ sku: skus[(i * 7 + k * 13) % skus.length], quantity: 1 + ((i + k) % 2) }))
}

/** The schedule of one rate: warm-ups, alternating pairs, the backfill phase. */
function schedule(s: CheckoutSettings): Phase[] {
  const phases: Phase[] = [
    { variant: "plugin", seconds: s.warmupSeconds, warmup: true },
    { variant: "plain", seconds: s.warmupSeconds, warmup: true },
  ]
  for (let pair = 0; pair < s.pairs; pair++) {
    const order: Variant[] = pair % 2 ? ["plain", "plugin"] : ["plugin", "plain"]
    for (const variant of order) phases.push({ variant, seconds: s.phaseSeconds })
  }
  phases.push({ variant: "backfill", seconds: s.backfillSeconds })
  return phases
}

export async function measureCheckoutOverhead(s: CheckoutSettings): Promise<CheckoutFigures[]> {
  const { log } = s
  const split = s.topology === "server+worker"
  if (split && !s.redisUrl) throw new Error("the server+worker topology needs a Redis URL")
  const run = Date.now()
  const fork = (name: string, port: number, disabled: boolean, mode: "server" | "worker") => {
    const side = disabled ? "plain" : "plugin"
    const base = split ? serverWorkerEnv(s.env, s.redisUrl!, `checkout-bench-${side}-${run}`) : s.env
    const env = { ...base, PORT: String(port), MEDUSA_WORKER_MODE: mode, ORDER_RHYTHM_DISABLED: disabled ? "1" : "0" }
    const child = forkTs(path.join(__dirname, "server.ts"), {
      cwd: s.appDir,
      env,
      logFile: path.join(RESULTS, `ingest-checkout-${name}.log`),
      // BENCH_INGEST_CPU_PROF=1: a V8 CPU profile of the plugin's server, written to results/ when it stops.
      extraArgs: process.env.BENCH_INGEST_CPU_PROF && !disabled ? ["--cpu-prof", `--cpu-prof-dir=${RESULTS}`] : [],
    })
    return { child, call: client(child, `checkout ${name}`) }
  }
  // In the shared topology each side's one process is in mode `server` with the local event bus:
  // HTTP and subscribers, no jobs (the plugin's reconciliation would ingest the other side's orders).
  const plugin = fork("plugin", s.pluginPort, false, "server")
  const plain = fork("plain", s.plainPort, true, "server")
  const workers = split ? { plugin: fork("plugin-worker", s.pluginPort + 10, false, "worker"), plain: fork("plain-worker", s.plainPort + 10, true, "worker") } : null
  // Where the plugin ingests and backfills.
  const ingesting = workers?.plugin ?? plugin
  const everyone = [plugin, plain, ...(workers ? [workers.plugin, workers.plain] : [])]
  try {
    const [pluginInfo, plainInfo] = await Promise.all([plugin.call("info", undefined, 300_000), plain.call("info", undefined, 300_000)])
    if (workers) await Promise.all([workers.plugin.call("info", undefined, 300_000), workers.plain.call("info", undefined, 300_000)])
    const urls: Record<Variant, string> = { plugin: pluginInfo.url, backfill: pluginInfo.url, plain: plainInfo.url }
    if (!pluginInfo.plugin || plainInfo.plugin) throw new Error(`the two servers do not differ by the plugin (module loaded: ${pluginInfo.plugin} with, ${plainInfo.plugin} without)`)
    log(`servers up: with the plugin ${urls.plugin}, without ${urls.plain} (no orderRhythm module there)${split ? "; each with a worker process, events through Redis" : ""}`)

    const store: SeededStore = await plain.call("storefront", undefined, 300_000)
    const results: CheckoutFigures[] = []
    for (const rate of s.rates) {
      const phases = schedule(s)
      const needed = phases.reduce((sum, phase) => sum + Math.round(phase.seconds * rate), 0)
      const carts = await prepareCarts([httpClient(urls.plain), httpClient(urls.plugin)], store, needed, log)
      let next = 0
      const done: PhaseResult[] = []
      log(`checkout at ${rate}/s: ${phases.length} phases (${phases.map((p) => (p.warmup ? `${p.variant} warm-up` : p.variant)).join(", ")})`)
      for (const phase of phases) {
        const count = Math.round(phase.seconds * rate)
        const mine = carts.slice(next, next + count)
        next += count
        const serving = phase.variant === "plain" ? plain.call : plugin.call
        const cpuBefore = await serving("cpu")
        // Read once here to restart its count: the phase's own delays are read after it.
        await serving("loopDelay")
        const worker = workers ? (phase.variant === "plain" ? workers.plain : workers.plugin) : null
        const workerCpuBefore = worker ? await worker.call("cpu") : null
        const postgresCpuBefore = postgresCpuMs()
        const result: PhaseResult =
          phase.variant === "backfill" ? await duringBackfill(phase, rate, mine, urls, store, ingesting.call) : { ...phase, arrivals: await complete(urls[phase.variant], store, mine, rate) }
        const placed = Math.max(1, result.arrivals.filter((a) => a.ok).length)
        result.loopDelay = await serving("loopDelay")
        // The CPU counted up to the moment the facts were written (see cpuMsPerOrder).
        if (phase.variant === "plugin") result.ingestLagMs = await ingestLags(ingesting.call, result.arrivals)
        if (phase.variant !== "backfill") result.cpuMsPerOrder = cpuMs(cpuBefore, await serving("cpu")) / placed
        if (phase.variant !== "backfill") result.postgresCpuMsPerOrder = (postgresCpuMs() - postgresCpuBefore) / placed
        if (worker && phase.variant !== "backfill") result.workerCpuMsPerOrder = cpuMs(workerCpuBefore!, await worker.call("cpu")) / placed
        done.push(result)
        log(describe(result))
        await sleep(1000)
      }
      results.push(figuresOf(rate, done, log))
    }
    return results
  } finally {
    await Promise.all(everyone.map(({ child, call }) => call("stop", undefined, 30_000).catch(() => child.kill())))
    // Let them exit by themselves (a CPU profile is written on the way out), then stop waiting.
    await Promise.all(everyone.map(({ child }) => exited(child, 20_000)))
  }
}

/**
 * Carts filled through the store API, ready to complete, by three shoppers per server at a
 * time (filling a cart is five requests, a server's one thread is the limit; the plugin does
 * nothing with carts, so it does not matter which server fills which).
 */
async function prepareCarts(apis: Array<ReturnType<typeof httpClient>>, store: SeededStore, count: number, log: (line: string) => void): Promise<string[]> {
  const started = now()
  const carts: string[] = new Array(count)
  let next = 0
  await Promise.all(
    Array.from({ length: 3 * apis.length }, async (_, shopper) => {
      while (next < count) {
        const i = next++
        carts[i] = await prepareCart(apis[shopper % apis.length], store, cartLines(store, i), `checkout${i}@example.com`)
      }
    })
  )
  log(`${count} carts filled (items, address, shipping method, payment session) in ${((now() - started) / 1000).toFixed(0)} s`)
  return carts
}

function complete(url: string, store: SeededStore, carts: string[], rate: number) {
  const api = httpClient(url)
  return openLoop(carts.length, rate, async (i) => (await completeCart(api, store, carts[i])).id)
}

/** The phase's checkouts while the plugin's backfill runs in the same process throughout. */
async function duringBackfill(phase: Phase, rate: number, carts: string[], urls: Record<Variant, string>, store: SeededStore, call: ReturnType<typeof client>): Promise<PhaseResult> {
  let stopping = false
  let passes = 0
  const backfilling = (async () => {
    while (!stopping) {
      passes++
      await call("backfill", {}, 1_800_000)
    }
  })()
  // Past the truncation, into the backfill, before the first checkout.
  await sleep(2000)
  const arrivals = await complete(urls.backfill, store, carts, rate)
  stopping = true
  await backfilling
  return { ...phase, arrivals, backfillPasses: passes }
}

/** How long after each answer the plugin had the order's facts written (waits for all, up to a minute). */
async function ingestLags(call: ReturnType<typeof client>, arrivals: Array<Arrival<string>>): Promise<number[]> {
  const placed = arrivals.filter((a) => a.ok)
  const ids = placed.map((a) => a.result!)
  let at: Array<number | null> = []
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    at = await call("ingestedAt", { ids })
    if (at.every((t) => t !== null)) break
    await sleep(250)
  }
  return placed.map((a, i) => (at[i] ?? Infinity) - a.doneAt)
}

/** Answers per second over the span from the first send to the last answer. */
const servedRate = (arrivals: Array<Arrival<unknown>>) =>
  (arrivals.filter((a) => a.ok).length * 1000) / (Math.max(...arrivals.map((a) => a.doneAt)) - Math.min(...arrivals.map((a) => a.sentAt)))
const latencies = (arrivals: Array<Arrival<unknown>>) => arrivals.filter((a) => a.ok).map((a) => a.doneAt - a.sentAt)
const lateness = (arrivals: Array<Arrival<unknown>>) => arrivals.map((a) => a.sentAt - a.scheduledAt)

function describe(r: PhaseResult): string {
  const ms = latencies(r.arrivals)
  const late = lateness(r.arrivals)
  const failed = r.arrivals.filter((a) => !a.ok)
  const thirds = Math.floor(ms.length / 3)
  const label = r.warmup ? `${r.variant} warm-up` : r.variant === "backfill" ? `plugin + backfill (${r.backfillPasses} pass${r.backfillPasses === 1 ? "" : "es"})` : r.variant === "plugin" ? "with plugin" : "without"
  return (
    `  ${label.padEnd(28)} ${r.arrivals.length} sent at ${achievedRate(r.arrivals).toFixed(2)}/s (late p95 ${percentile(late, 95).toFixed(1)} ms, max ${Math.max(...late).toFixed(0)} ms), served ${servedRate(r.arrivals).toFixed(2)}/s: ` +
    `p50 ${percentile(ms, 50).toFixed(0)} ms, p95 ${percentile(ms, 95).toFixed(0)} ms, max ${Math.max(...ms).toFixed(0)} ms` +
    ` (first third p50 ${percentile(ms.slice(0, thirds), 50).toFixed(0)}, last ${percentile(ms.slice(-thirds), 50).toFixed(0)})` +
    (failed.length ? `, ${failed.length} FAILED (${failed[0].error})` : "") +
    (r.cpuMsPerOrder !== undefined ? `; server CPU ${r.cpuMsPerOrder.toFixed(0)} ms per checkout` : "") +
    (r.workerCpuMsPerOrder !== undefined ? `, its worker's ${r.workerCpuMsPerOrder.toFixed(0)} ms` : "") +
    (r.loopDelay
      ? `; event loop delay p99 ${r.loopDelay.p99.toFixed(0)} / max ${r.loopDelay.max.toFixed(0)} ms, GC ${r.loopDelay.gcMs.toFixed(0)} ms (longest ${r.loopDelay.gcMaxMs.toFixed(0)}), heap ${r.loopDelay.heapMiB.toFixed(0)} MiB`
      : "") +
    (r.ingestLagMs ? `; facts written p50 ${percentile(r.ingestLagMs, 50).toFixed(0)} / p95 ${percentile(r.ingestLagMs, 95).toFixed(0)} ms after the answer` : "")
  )
}

function figuresOf(rate: number, phases: PhaseResult[], log: (line: string) => void): CheckoutFigures {
  const measured = phases.filter((p) => !p.warmup)
  const pooled = (variant: Variant) => measured.filter((p) => p.variant === variant).flatMap((p) => latencies(p.arrivals))
  const variants: Variant[] = ["plugin", "plain", "backfill"]
  const p50 = Object.fromEntries(variants.map((v) => [v, percentile(pooled(v), 50)])) as Record<Variant, number>
  const p95 = Object.fromEntries(variants.map((v) => [v, percentile(pooled(v), 95)])) as Record<Variant, number>
  const all = measured.flatMap((p) => p.arrivals)
  const late = lateness(all)
  const failed = all.filter((a) => !a.ok).length
  const achieved = measured.reduce((sum, p) => sum + achievedRate(p.arrivals), 0) / measured.length
  const alternating = measured.filter((p) => p.variant !== "backfill")
  const served = alternating.reduce((sum, p) => sum + servedRate(p.arrivals), 0) / alternating.length
  const notIngested = measured.flatMap((p) => p.ingestLagMs ?? []).filter((lag) => !Number.isFinite(lag)).length
  const fig: CheckoutFigures = {
    rate,
    p50,
    p95,
    p50Ratio: p50.plugin / p50.plain,
    p95Ratio: p95.plugin / p95.plain,
    backfillP50Ratio: p50.backfill / p50.plain,
    backfillP95Ratio: p95.backfill / p95.plain,
    achievedPerSecond: achieved,
    servedPerSecond: served,
    cpuMsPerOrder: {
      plugin: median(measured.filter((p) => p.variant === "plugin").map((p) => p.cpuMsPerOrder!)),
      plain: median(measured.filter((p) => p.variant === "plain").map((p) => p.cpuMsPerOrder!)),
    },
    workerCpuMsPerOrder: measured.some((p) => p.workerCpuMsPerOrder !== undefined)
      ? {
          plugin: median(measured.filter((p) => p.variant === "plugin").map((p) => p.workerCpuMsPerOrder!)),
          plain: median(measured.filter((p) => p.variant === "plain").map((p) => p.workerCpuMsPerOrder!)),
        }
      : null,
    failed,
    phases: phases.map((p) => ({
      variant: p.variant,
      warmup: Boolean(p.warmup),
      sent: p.arrivals.length,
      per_s: round(achievedRate(p.arrivals), 2),
      served_per_s: round(servedRate(p.arrivals), 2),
      p50_ms: round(percentile(latencies(p.arrivals), 50)),
      p95_ms: round(percentile(latencies(p.arrivals), 95)),
      late_p95_ms: round(percentile(lateness(p.arrivals), 95)),
      failed: p.arrivals.filter((a) => !a.ok).length,
      ingest_p95_ms: p.ingestLagMs ? round(percentile(p.ingestLagMs, 95)) : undefined,
      backfill_passes: p.backfillPasses,
      cpu_ms_per_order: p.cpuMsPerOrder === undefined ? undefined : round(p.cpuMsPerOrder),
      loop_delay_p99_ms: p.loopDelay ? round(p.loopDelay.p99) : undefined,
      loop_delay_max_ms: p.loopDelay ? round(p.loopDelay.max) : undefined,
      gc_max_ms: p.loopDelay ? round(p.loopDelay.gcMaxMs) : undefined,
      postgres_cpu_ms_per_order: p.postgresCpuMsPerOrder === undefined ? undefined : round(p.postgresCpuMsPerOrder),
      worker_cpu_ms_per_order: p.workerCpuMsPerOrder === undefined ? undefined : round(p.workerCpuMsPerOrder),
    })),
  }
  log(
    `checkout at ${rate}/s (achieved ${achieved.toFixed(2)}/s): without the plugin p50 ${p50.plain.toFixed(0)} / p95 ${p95.plain.toFixed(0)} ms; ` +
      `with it p50 ${p50.plugin.toFixed(0)} / p95 ${p95.plugin.toFixed(0)} ms; during its backfill p50 ${p50.backfill.toFixed(0)} / p95 ${p95.backfill.toFixed(0)} ms`
  )
  log(
    `  ratios with/without: p50 ${fig.p50Ratio.toFixed(3)}, p95 ${fig.p95Ratio.toFixed(3)} (goal p95 <= 1.05); during backfill/without: p50 ${fig.backfillP50Ratio.toFixed(3)}, p95 ${fig.backfillP95Ratio.toFixed(3)}`
  )
  log(
    `  server CPU per checkout (median of phases): with the plugin ${fig.cpuMsPerOrder.plugin.toFixed(0)} ms, without ${fig.cpuMsPerOrder.plain.toFixed(0)} ms: ` +
      `the plugin adds ${(fig.cpuMsPerOrder.plugin - fig.cpuMsPerOrder.plain).toFixed(0)} ms (${((fig.cpuMsPerOrder.plugin / fig.cpuMsPerOrder.plain - 1) * 100).toFixed(0)}%)`
  )
  if (fig.workerCpuMsPerOrder) {
    const w = fig.workerCpuMsPerOrder
    log(`  worker CPU per checkout (median of phases): with the plugin ${w.plugin.toFixed(0)} ms, without ${w.plain.toFixed(0)} ms: the plugin adds ${(w.plugin - w.plain).toFixed(0)} ms there`)
  }
  // Without the plugin: what the goal's rate asks of the machine before the plugin does anything.
  const plainPhases = measured.filter((p) => p.variant === "plain")
  const plainCost: Record<string, number> = { "a Medusa server without the plugin": fig.cpuMsPerOrder.plain }
  if (fig.workerCpuMsPerOrder) plainCost["its worker"] = fig.workerCpuMsPerOrder.plain
  plainCost.PostgreSQL = median(plainPhases.map((p) => p.postgresCpuMsPerOrder!))
  log(`  ${capacityLine(ISSUE_RATE, plainCost)}`)
  // Pair by pair too: a ratio that swings from pair to pair says more about the machine than the plugin.
  const pairRatios = (p: number) =>
    Array.from({ length: alternating.length >> 1 }, (_, k) => {
      const [x, y] = alternating.slice(2 * k, 2 * k + 2)
      const [withIt, without] = x.variant === "plugin" ? [x, y] : [y, x]
      return (percentile(latencies(withIt.arrivals), p) / percentile(latencies(without.arrivals), p)).toFixed(2)
    }).join(", ")
  log(`  pair by pair with/without: p50 ${pairRatios(50)}; p95 ${pairRatios(95)}`)
  const servedOf = (p: PhaseResult) => servedRate(p.arrivals)
  const slowest = Math.min(...alternating.map(servedOf))
  if (slowest < 0.95 * rate) {
    log(
      `  SATURATED: ${rate}/s is more checkouts than this machine completes (a phase served as few as ${slowest.toFixed(2)}/s), so the phases end with a queue ` +
        `and their latencies measure how fast that queue drains, not the cost of one checkout`
    )
  }
  const backfillServed = Math.min(...measured.filter((p) => p.variant === "backfill").map(servedOf))
  if (backfillServed < 0.95 * rate) log(`  during the backfill the server fell behind: it served ${backfillServed.toFixed(2)}/s`)
  if (percentile(late, 95) > 10 || Math.max(...late) > 100) {
    log(`  the client fell behind its schedule: sends late by p95 ${percentile(late, 95).toFixed(1)} ms, max ${Math.max(...late).toFixed(0)} ms`)
  }
  if (failed) log(`  ${failed} checkouts FAILED`)
  if (notIngested) log(`  ${notIngested} orders placed with the plugin had no facts a minute later`)
  return fig
}
