#!/usr/bin/env node
// The README's first command ends here: database, migrations, a seeded store, the
// Medusa server with the plugin and Medusa Admin, and the wall display. The terminal stays
// calm: Medusa's warnings and errors, the seed's progress, then one status line every 10 s;
// everything each process writes goes to .order-rhythm/demo.log.
const fs = require("node:fs")
const path = require("node:path")
const { ensurePostgres, ensureDatabase, databaseUrl } = require("./lib/postgres")
const { startLogged, stopGroup, whenAnyExits, wrapperAncestors } = require("./lib/demo-processes")
const { terminalFilter } = require("./lib/demo-terminal")

const APP_DIR = path.resolve(__dirname, "..")
const MEDUSA_CLI = require.resolve("@medusajs/cli/cli.js", { paths: [APP_DIR] })
const DATABASE = process.env.DEMO_DATABASE || "order_rhythm_demo"
const PORT = Number(process.env.PORT || 9000)
const WALL_PORT = Number(process.env.DEMO_WALL_PORT || 9001)
const ADMIN_EMAIL = process.env.DEMO_ADMIN_EMAIL || "admin@order-rhythm.local"
const ADMIN_PASSWORD = process.env.DEMO_ADMIN_PASSWORD || "order-rhythm"
/**
 * `--check`: start everything, prove each URL answers and that the order simulator got going
 * (logged in, read the store's customers and open orders), then stop (used to test the demo).
 */
const CHECK_ONLY = process.argv.includes("--check")
/**
 * The simulator runs the store's own hourly rate this many times faster, so the wall moves
 * while you watch (at 1, an ordinary afternoon brings an order every 20 minutes or so).
 */
const SPEED = Number(argValue("--speed") ?? process.env.DEMO_SPEED ?? 10)
const TSX_CLI = require.resolve("tsx/cli", { paths: [APP_DIR] })
const STATE_DIR = path.resolve(APP_DIR, "..", ".order-rhythm")
const LOG_FILE = process.env.DEMO_LOG_FILE || path.join(STATE_DIR, "demo.log")
/** Seconds between two status lines (orders placed, open backlog, screens connected). */
const STATUS_EVERY_S = Number(process.env.DEMO_STATUS_EVERY_S || 10)

function argValue(name) {
  const index = process.argv.indexOf(name)
  return index >= 0 ? process.argv[index + 1] : undefined
}

fs.mkdirSync(path.dirname(LOG_FILE), { recursive: true })
const logFile = fs.createWriteStream(LOG_FILE, { flags: "w" })
/** The demo's own line: on the terminal and in the log. */
const log = (line) => {
  console.log(`[demo] ${line}`)
  logFile.write(`${new Date().toISOString().replace("T", " ").slice(0, 19)} demo ${line}\n`)
}

/** Every process the demo started and has not seen exit; all of them stop with it. */
const children = new Set()
/** PostgreSQL as ensurePostgres gave it (an embedded one is stopped with the demo). */
let embeddedPostgres = null

function track(child) {
  children.add(child)
  child.once("exit", () => children.delete(child))
  return child
}

function medusa(args, env, { wait = true } = {}) {
  const child = track(
    startLogged({ name: `medusa ${args[0]}`, command: process.execPath, args: [MEDUSA_CLI, ...args], cwd: APP_DIR, env, log: logFile, filter: terminalFilter("medusa") })
  )
  if (!wait) {
    return child
  }
  return new Promise((resolve, reject) => {
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`medusa ${args.join(" ")} exited with ${code ?? signal} (its lines are in ${LOG_FILE})`))
    )
  })
}

/** Stops every process the demo started (the simulator first: shoppers leave before the shop closes). */
async function stopChildren(simulator) {
  if (simulator) await stopGroup(simulator)
  await Promise.all([...children].map((child) => stopGroup(child)))
}

/**
 * One status line: orders placed since the demo was ready, the store's open backlog as the plugin
 * counts it, and the screens on the wall server, through the admin API the simulator uses too.
 */
function statusReporter(base, since) {
  let token = null
  const login = async () => {
    const response = await fetch(`${base}/auth/user/emailpass`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
    })
    if (!response.ok) throw new Error(`admin login answered ${response.status}`)
    token = (await response.json()).token
  }
  const get = async (url) => {
    if (!token) await login()
    let response = await fetch(`${base}${url}`, { headers: { authorization: `Bearer ${token}` } })
    if (response.status === 401) {
      await login()
      response = await fetch(`${base}${url}`, { headers: { authorization: `Bearer ${token}` } })
    }
    if (!response.ok) throw new Error(`${url.split("?")[0]} answered ${response.status}`)
    return response.json()
  }
  return async function status() {
    try {
      const to = new Date()
      const from = new Date(to.getTime() - 3_600_000)
      const [orders, rhythm, live] = await Promise.all([
        get(`/admin/orders?fields=id&limit=1&created_at[$gte]=${encodeURIComponent(since.toISOString())}`),
        get(`/admin/order-rhythm/rhythm?from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`),
        get("/admin/order-rhythm/live"),
      ])
      const clock = new Date().toTimeString().slice(0, 8)
      log(`${clock}  orders placed ${orders.count} · open backlog ${rhythm.rhythm?.backlog?.orders ?? "?"} · screens connected ${live.live?.screens ?? "?"}`)
    } catch (error) {
      log(`status: ${error.message}`)
    }
  }
}

async function waitForUrl(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url)
      if (response.ok) {
        return response
      }
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`)
}

/**
 * Resolves once the simulator says it started: it has logged in and read the store through the
 * API, so a simulator that cannot (a bad login, a server it keeps taking for down) fails the
 * check instead of leaving a wall that never moves.
 */
function simulatorGoing(child, started, timeoutMs) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the order simulator did not start within ${timeoutMs / 1000} s`)), timeoutMs)
    started.then(() => {
      clearTimeout(timer)
      resolve()
    })
    child.on("exit", (code) => {
      clearTimeout(timer)
      reject(new Error(`the order simulator exited (${code}) before it started`))
    })
  })
}

async function main() {
  const started = Date.now()
  const pg = await ensurePostgres(log)
  embeddedPostgres = pg
  if (await ensureDatabase(pg, DATABASE)) {
    log(`created database ${DATABASE}`)
  }
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl(pg, DATABASE),
    PORT: String(PORT),
    // Medusa Admin is served through Vite's middleware in development: no admin build step.
    NODE_ENV: "development",
    ORDER_RHYTHM_OPTIONS: JSON.stringify({
      timezone: "Asia/Shanghai",
      socket: { port: WALL_PORT },
      // The demo store promises to pick within a day and hand to the courier within 36 hours.
      slaHours: { fulfilled: 24, shipped: 36 },
    }),
    DEMO_ADMIN_EMAIL: ADMIN_EMAIL,
    DEMO_ADMIN_PASSWORD: ADMIN_PASSWORD,
  }

  log("migrating the database")
  await medusa(["db:migrate"], env)
  log("seeding the demo store and its year of history (the first run takes a few minutes; later runs reuse it)")
  await medusa(["exec", "./src/scripts/seed-demo.ts"], env)

  log("starting Medusa with the order-rhythm plugin")
  const server = medusa(["start"], env, { wait: false })
  let stopping = false
  let simulator = null
  let statusTimer = null
  const stop = async (code) => {
    if (stopping) return
    stopping = true
    clearTimeout(statusTimer)
    await stopChildren(simulator)
    await pg.stop().catch(() => {})
    log(`stopped; the full log is in ${LOG_FILE}`)
    await new Promise((resolve) => logFile.end(resolve))
    process.exit(code)
  }
  stopDemo = stop
  server.on("exit", (code) => {
    if (!stopping) {
      log(`Medusa exited with ${code}; its lines are in ${LOG_FILE}`)
      stop(code || 1)
    }
  })

  const base = `http://localhost:${PORT}`
  await waitForUrl(`${base}/health`, 120_000)
  await waitForUrl(`${base}/app`, 120_000)
  await waitForUrl(`http://localhost:${WALL_PORT}/health`, 30_000)
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  let saidStarted
  const simulatorSaidStarted = new Promise((resolve) => (saidStarted = resolve))
  simulator = track(
    startLogged({
      name: "simulator",
      command: process.execPath,
      args: [TSX_CLI, "src/demo/simulate.ts", "--base-url", base, "--speed", String(SPEED)],
      cwd: APP_DIR,
      env,
      log: logFile,
      filter: terminalFilter("simulator"),
      onLine: (line) => /\[simulator\] started at/.test(line) && saidStarted(),
    })
  )
  const simulatorStarted = simulatorGoing(simulator, simulatorSaidStarted, 120_000)
  simulator.on("exit", (code) => {
    if (!stopping) log(`the order simulator stopped (${code}); the store and the wall go on without it`)
  })
  if (CHECK_ONLY) {
    await simulatorStarted.catch(async (error) => {
      log(error.message)
      await stop(1)
    })
  } else {
    // The simulator keeps retrying by itself; the demo only says so.
    simulatorStarted.catch((error) => log(`${error.message}; it keeps trying (its lines are in ${LOG_FILE})`))
  }
  const tokenFile = path.join(STATE_DIR, "demo-wall-token")
  const wallToken = fs.readFileSync(tokenFile, "utf8").trim()
  const ready = [
      "",
      `Order Rhythm demo is ready (${seconds} s)`,
      `  Medusa API     ${base}  (health: ${base}/health)`,
      `  Medusa Admin   ${base}/app   login ${ADMIN_EMAIL} / ${ADMIN_PASSWORD}`,
      `  Wall display   http://localhost:${WALL_PORT}/?token=${wallToken}`,
      `                 (中文: add &lang=zh-CN; more screens: Medusa Admin > Order Rhythm)`,
      `  PostgreSQL     ${pg.source} (${pg.host}:${pg.port}, database ${DATABASE})`,
      `  Simulator      orders through the store API at ${SPEED}x the store's hourly rate (--speed N, DEMO_SPEED)${CHECK_ONLY ? ": started" : ""}`,
      `  Full log       ${LOG_FILE}`,
      "Press Ctrl-C to stop.",
      "",
    ].join("\n")
  console.log(ready)
  logFile.write(`${ready}\n`)
  if (CHECK_ONLY) {
    await stop(0)
    return
  }
  // the next line 10 s after the last one answered: a busy server never gets two at once
  const status = statusReporter(base, new Date())
  const next = () => {
    statusTimer = setTimeout(() => status().finally(() => !stopping && next()), STATUS_EVERY_S * 1000)
  }
  next()
}

// Until Medusa starts, a Ctrl-C stops whatever step runs (a migration, the seed) with the demo;
// from then on, the server and the simulator too (main sets stopDemo).
let stoppingEarly = false
let stopDemo = (code) => {
  // a Ctrl-C reaches pnpm and the demo at once: the signal and the watch on pnpm both ask
  if (stoppingEarly) return
  stoppingEarly = true
  stopChildren(null)
    .then(() => embeddedPostgres?.stop())
    .catch(() => {})
    .finally(() => process.exit(code))
}
process.on("SIGINT", () => stopDemo(0))
process.on("SIGTERM", () => stopDemo(0))
// `pnpm demo` does not hand a SIGTERM on to this script: when the pnpm a user signalled is gone, stop.
whenAnyExits(wrapperAncestors(), () => {
  log("the command that started the demo ended; stopping")
  stopDemo(0)
})

main().catch(async (error) => {
  console.error(`[demo] failed: ${error.stack || error}`)
  await stopChildren(null)
  await embeddedPostgres?.stop().catch(() => {})
  process.exit(1)
})
