/**
 * pnpm bench:dashboard — the wall display in Chromium, fed by the real server.
 *
 * The server is the bench app booted in its own process (bench/live/server.ts); orders are
 * made beforehand through the Order module and their `order.placed` events emitted through
 * Medusa's event bus at a steady rate, so every delta the wall receives went through the
 * plugin's ingest, the live hub and Socket.IO. Deltas are counted from the WebSocket frames
 * Chromium receives (DevTools protocol; a frame carries one or more), not from the page's own code.
 *
 * Measures: time to first complete render; after a warm-up, N deltas (default 20,000) at
 * about 50 per second: JS heap growth between two readings taken after forced garbage
 * collection (--enable-precise-memory-info), long tasks over 50 ms during the steady phase,
 * and the p95 frame time; at the end, the orders on screen must equal the orders ingested.
 */
import { mkdirSync, writeFileSync } from "node:fs"
import path from "node:path"
import type { ChildProcess } from "node:child_process"
import { client, forkTs } from "./live/rpc"
import { benchDatabase } from "./live/bench-database"
import { CHROMIUM, launchChromium } from "../tests/helpers/browser"

const APP_DIR = path.resolve(__dirname, "..")
const RESULTS = path.join(__dirname, "results")
const DATABASE = process.env.BENCH_DASHBOARD_DATABASE || "order_rhythm_bench_dashboard"
const HTTP_PORT = Number(process.env.BENCH_DASHBOARD_HTTP_PORT || 9310)
const DELTAS = Number(process.env.BENCH_DASHBOARD_DELTAS || 20_000)
const DELTAS_PER_SECOND = Number(process.env.BENCH_DASHBOARD_RATE || 50)
const WARMUP_ORDERS = Number(process.env.BENCH_DASHBOARD_WARMUP_ORDERS || 120)
/** Set to take a CPU profile of the steady phase and say what ran inside each long task. */
const PROFILE = process.env.BENCH_DASHBOARD_PROFILE === "1"
const log = (line: string) => console.log(line)

const percentile = (values: number[], p: number) => {
  if (!values.length) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

async function main() {
  mkdirSync(RESULTS, { recursive: true })
  log(`bench:dashboard: ${DELTAS} deltas at ${DELTAS_PER_SECOND}/s after ${WARMUP_ORDERS} warm-up orders; Chromium ${CHROMIUM}`)
  const { env } = await benchDatabase(log, DATABASE, HTTP_PORT)
  const children: ChildProcess[] = []
  process.on("exit", () => children.forEach((c) => c.exitCode === null && c.kill("SIGKILL")))
  const serverProc = forkTs(path.join(__dirname, "live", "server.ts"), {
    cwd: APP_DIR,
    env,
    logFile: path.join(RESULTS, "dashboard-server.log"),
  })
  children.push(serverProc)
  const server = client(serverProc, "server")
  const info = await server<{ wallPort: number; token: string }>("info", undefined, 300_000)

  const browser = await launchChromium(["--enable-precise-memory-info", "--js-flags=--expose-gc"])
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } })
    // tsx names functions with an `__name` helper that does not exist in the page.
    await page.addInitScript("window.__name = (fn) => fn")
    await page.addInitScript(() => {
      const w = window as any
      w.__longTasks = []
      w.__frames = []
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.__longTasks.push({ start: entry.startTime, duration: entry.duration })
      }).observe({ type: "longtask", buffered: true })
      let last = 0
      const frame = (t: number) => {
        if (last && w.__recordFrames) w.__frames.push(t - last)
        last = t
        requestAnimationFrame(frame)
      }
      requestAnimationFrame(frame)
    })
    const cdp = await page.context().newCDPSession(page)
    await cdp.send("Network.enable")
    let deltas = 0
    let messages = 0
    cdp.on("Network.webSocketFrameReceived", (event: any) => {
      const payload: string = event.response?.payloadData ?? ""
      // A message carries one or more deltas (a recount's keys travel together): count the deltas.
      if (payload.startsWith('42/rhythm,["delta"')) {
        messages++
        deltas += JSON.parse(payload.slice(payload.indexOf("["))).length - 1
      }
    })
    const heapMb = async () => {
      await cdp.send("HeapProfiler.collectGarbage")
      await cdp.send("HeapProfiler.collectGarbage")
      return (await page.evaluate(() => (performance as any).memory.usedJSHeapSize)) / 2 ** 20
    }

    // First complete render: numbers, ticker and every chart drawn, from navigation start.
    await page.goto(`http://localhost:${info.wallPort}/?token=${info.token}`)
    const firstRenderMs = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const complete = () =>
            document.querySelector('[data-testid="big-numbers"] output') &&
            document.querySelector('[data-testid="ticker"]') &&
            Array.from(document.querySelectorAll("svg")).filter((svg) => svg.childElementCount > 0).length >= 5
          const check = () => (complete() ? resolve(performance.now()) : requestAnimationFrame(check))
          check()
        })
    )
    log(`first complete render: ${firstRenderMs.toFixed(0)} ms from navigation start`)

    const emitOrders = async (count: number, perSecond: number) => {
      const ids = await server<string[]>("prepareBurst", { count }, 300_000)
      await server("burst", { ids, perSecond }, 3_600_000)
      return ids.length
    }

    // Warm-up: also tells how many deltas one order makes, to pace the steady phase.
    const warmStart = deltas
    const warmStarted = Date.now()
    let ordersEmitted = await emitOrders(WARMUP_ORDERS, 4)
    await new Promise((resolve) => setTimeout(resolve, 2000))
    const perOrder = Math.max(1, (deltas - warmStart) / WARMUP_ORDERS)
    log(`warm-up: ${WARMUP_ORDERS} orders, ${deltas - warmStart} deltas in ${((Date.now() - warmStarted) / 1000).toFixed(0)} s (${perOrder.toFixed(1)} deltas per order)`)

    const heapBefore = await heapMb()
    const steadyFrom = await page.evaluate(() => {
      const w = window as any
      w.__frames = []
      w.__recordFrames = true
      return performance.now()
    })
    const profiling = PROFILE ? await startProfile(cdp, page) : null
    const steadyStartDeltas = deltas
    const steadyStartMessages = messages
    const steadyStarted = Date.now()
    // Emitted in 20-second chunks, re-paced after each: how many deltas an order makes
    // shrinks as the hub coalesces, so a fixed order count would fall short of the target.
    let ordersPerSecond = DELTAS_PER_SECOND / perOrder
    const deadline = Date.now() + 900_000
    while (deltas - steadyStartDeltas < DELTAS && Date.now() < deadline) {
      const chunk = Math.max(1, Math.round(ordersPerSecond * 20))
      const ids = await server<string[]>("prepareBurst", { count: chunk }, 300_000)
      const chunkDeltas = deltas
      const chunkStarted = Date.now()
      await server("burst", { ids, perSecond: ordersPerSecond }, 3_600_000)
      ordersEmitted += ids.length
      const achieved = (deltas - chunkDeltas) / ((Date.now() - chunkStarted) / 1000)
      log(`  ${deltas - steadyStartDeltas} deltas so far; last chunk ${chunk} orders at ${ordersPerSecond.toFixed(1)}/s -> ${achieved.toFixed(1)} deltas/s`)
      ordersPerSecond = Math.min(60, Math.max(1, ordersPerSecond * (DELTAS_PER_SECOND / Math.max(achieved, 1))))
    }
    await new Promise((resolve) => setTimeout(resolve, 3000))
    const steadySeconds = (Date.now() - steadyStarted) / 1000
    const steadyDeltas = deltas - steadyStartDeltas
    const { longTasks, frames } = await page.evaluate((from) => {
      const w = window as any
      w.__recordFrames = false
      return { longTasks: w.__longTasks.filter((t: any) => t.start >= from), frames: w.__frames as number[] }
    }, steadyFrom)
    if (profiling) await explainLongTasks(cdp, profiling, longTasks, log)
    const heapAfter = await heapMb()

    const onScreen = Number((await page.locator('[data-testid="big-numbers"] output').first().innerText()).replace(/[^\d]/g, ""))
    const matches = onScreen === ordersEmitted
    log(`steady: ${steadyDeltas} deltas in ${steadySeconds.toFixed(0)} s (${(steadyDeltas / steadySeconds).toFixed(1)}/s), in ${messages - steadyStartMessages} messages`)
    log(`JS heap: ${heapBefore.toFixed(1)} MB -> ${heapAfter.toFixed(1)} MB (growth ${(heapAfter - heapBefore).toFixed(2)} MB; goal < 20)`)
    log(`long tasks > 50 ms at steady state: ${longTasks.length} (goal none)${longTasks.length ? `; longest ${Math.max(...longTasks.map((t: any) => t.duration)).toFixed(0)} ms` : ""}`)
    log(`frame time p95: ${percentile(frames, 95).toFixed(1)} ms over ${frames.length} frames`)
    log(`orders today on screen ${onScreen}, ingested ${ordersEmitted}: ${matches ? "equal" : "DIFFERENT"}`)
    await page.screenshot({ path: path.join(RESULTS, "dashboard-end.png") })

    const result = {
      first_render_ms: Math.round(firstRenderMs),
      heap_growth_mb: Number((heapAfter - heapBefore).toFixed(2)),
      long_tasks_steady: longTasks.length,
      frame_p95_ms: Number(percentile(frames, 95).toFixed(1)),
    }
    writeFileSync(path.join(RESULTS, "dashboard.json"), JSON.stringify(result, null, 2))
    await server("stop").catch(() => {})
    console.log(JSON.stringify(result))
    if (!matches) process.exitCode = 1
  } finally {
    await browser.close()
  }
}

type Profiling = { markPageMs: number }
type CpuProfile = {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }>
  startTime: number
  samples: number[]
  timeDeltas: number[]
}

/**
 * Starts the sampling profiler, then runs a named busy loop in the page: its first sample ties
 * the profile's clock to the page's performance.now(), where the long tasks are timed.
 */
async function startProfile(cdp: any, page: any): Promise<Profiling> {
  await cdp.send("Profiler.enable")
  await cdp.send("Profiler.setSamplingInterval", { interval: 250 })
  await cdp.send("Profiler.start")
  const markPageMs: number = await page.evaluate(
    "(() => { const t = performance.now(); (function __profileMark() { const end = performance.now() + 30; while (performance.now() < end) {} })(); return t })()"
  )
  return { markPageMs }
}

/** Self time per function inside each long task, and over the whole steady phase. */
async function explainLongTasks(cdp: any, { markPageMs }: Profiling, longTasks: Array<{ start: number; duration: number }>, log: (line: string) => void) {
  const { profile } = (await cdp.send("Profiler.stop")) as { profile: CpuProfile }
  writeFileSync(path.join(RESULTS, "dashboard.cpuprofile"), JSON.stringify(profile))
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const name = (id: number) => {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame
    return `${functionName || "(anonymous)"} ${url ? `${url.split("/").pop()}:${lineNumber + 1}` : ""}`.trim()
  }
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const stack = (id: number) => {
    const names: string[] = []
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) names.push(byId.get(at)!.callFrame.functionName || "(anon)")
    return names
  }
  let t = profile.startTime
  const times = profile.timeDeltas.map((d) => (t += d))
  const markIndex = profile.samples.findIndex((id) => stack(id).includes("__profileMark"))
  if (markIndex < 0) return log("profile: mark not found, cannot align")
  const toPageMs = (us: number) => markPageMs + (us - times[markIndex]) / 1000
  const top = (from: number, to: number, n: number) => {
    const self = new Map<string, number>()
    const incl = new Map<string, number>()
    profile.samples.forEach((id, i) => {
      const at = toPageMs(times[i])
      if (at < from || at > to) return
      const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000
      self.set(name(id), (self.get(name(id)) ?? 0) + ms)
      for (const f of new Set(stack(id))) incl.set(f, (incl.get(f) ?? 0) + ms)
    })
    const fmt = (m: Map<string, number>) =>
      [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${k} ${v.toFixed(1)}`).join("; ")
    return { self: fmt(self), incl: fmt(incl) }
  }
  const all = top(-Infinity, Infinity, 15)
  log(`profile, steady phase, self ms: ${all.self}`)
  log(`profile, steady phase, inclusive ms: ${all.incl}`)
  for (const task of longTasks.slice(0, 15)) {
    const inside = top(task.start, task.start + task.duration, 8)
    log(`long task at ${task.start.toFixed(0)} ms, ${task.duration.toFixed(0)} ms; self: ${inside.self}`)
    log(`    inclusive: ${inside.incl}`)
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
