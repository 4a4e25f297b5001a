#!/usr/bin/env node
// The README's first command ends here: database, migrations, a seeded store, the
// Medusa server with the plugin and Medusa Admin, and the wall display.
const { spawn } = require("node:child_process")
const path = require("node:path")
const { ensurePostgres, ensureDatabase, databaseUrl } = require("./lib/postgres")

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

function argValue(name) {
  const index = process.argv.indexOf(name)
  return index >= 0 ? process.argv[index + 1] : undefined
}

const log = (line) => console.log(`[demo] ${line}`)

function medusa(args, env, { wait = true } = {}) {
  const child = spawn(process.execPath, [MEDUSA_CLI, ...args], { cwd: APP_DIR, env, stdio: "inherit" })
  if (!wait) {
    return child
  }
  return new Promise((resolve, reject) => {
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`medusa ${args.join(" ")} exited with ${code}`))))
  })
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
 * Passes the simulator's lines through and resolves once it says it started: it has logged in
 * and read the store through the API, so a simulator that cannot (a bad login, a server it keeps
 * taking for down) fails the check instead of leaving a wall that never moves.
 */
function simulatorGoing(child, timeoutMs) {
  return new Promise((resolve, reject) => {
    let carry = ""
    const timer = setTimeout(() => reject(new Error(`the order simulator did not start within ${timeoutMs / 1000} s`)), timeoutMs)
    child.stdout.on("data", (chunk) => {
      process.stdout.write(chunk)
      const text = carry + chunk
      if (/\[simulator\] started at/.test(text)) {
        clearTimeout(timer)
        resolve()
      }
      carry = text.slice(text.lastIndexOf("\n") + 1)
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
  const stop = async (code) => {
    if (stopping) return
    stopping = true
    // The shoppers leave before the shop closes (else they report it down on their way out).
    if (simulator && simulator.exitCode === null) {
      simulator.kill("SIGTERM")
      await Promise.race([new Promise((resolve) => simulator.once("exit", resolve)), new Promise((resolve) => setTimeout(resolve, 10_000))])
    }
    server.kill("SIGTERM")
    await new Promise((resolve) => server.once("exit", resolve))
    await pg.stop().catch(() => {})
    process.exit(code)
  }
  process.on("SIGINT", () => stop(0))
  process.on("SIGTERM", () => stop(0))
  server.on("exit", (code) => {
    if (!stopping) {
      log(`Medusa exited with ${code}`)
      stopping = true
      pg.stop().finally(() => process.exit(code || 1))
    }
  })

  const base = `http://localhost:${PORT}`
  await waitForUrl(`${base}/health`, 120_000)
  await waitForUrl(`${base}/app`, 120_000)
  await waitForUrl(`http://localhost:${WALL_PORT}/health`, 30_000)
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  simulator = spawn(process.execPath, [TSX_CLI, "src/demo/simulate.ts", "--base-url", base, "--speed", String(SPEED)], {
    cwd: APP_DIR,
    env,
    stdio: ["ignore", "pipe", "inherit"],
  })
  const simulatorStarted = simulatorGoing(simulator, 120_000)
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
    simulatorStarted.catch((error) => log(`${error.message}; it keeps trying (see its lines above)`))
  }
  const tokenFile = path.resolve(APP_DIR, "..", ".order-rhythm", "demo-wall-token")
  const wallToken = require("node:fs").readFileSync(tokenFile, "utf8").trim()
  console.log(
    [
      "",
      `Order Rhythm demo is ready (${seconds} s)`,
      `  Medusa API     ${base}  (health: ${base}/health)`,
      `  Medusa Admin   ${base}/app   login ${ADMIN_EMAIL} / ${ADMIN_PASSWORD}`,
      `  Wall display   http://localhost:${WALL_PORT}/?token=${wallToken}`,
      `                 (中文: add &lang=zh-CN; more screens: Medusa Admin > Order Rhythm)`,
      `  PostgreSQL     ${pg.source} (${pg.host}:${pg.port}, database ${DATABASE})`,
      `  Simulator      orders through the store API at ${SPEED}x the store's hourly rate (--speed N, DEMO_SPEED)${CHECK_ONLY ? ": started" : ""}`,
      "Press Ctrl-C to stop.",
      "",
    ].join("\n")
  )
  if (CHECK_ONLY) {
    await stop(0)
  }
}

main().catch((error) => {
  console.error(`[demo] failed: ${error.stack || error}`)
  process.exit(1)
})
