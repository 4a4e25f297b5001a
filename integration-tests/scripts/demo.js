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
/** `--check`: start everything, prove each URL answers, then stop (used to test the demo). */
const CHECK_ONLY = process.argv.includes("--check")

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
    ORDER_RHYTHM_OPTIONS: JSON.stringify({ timezone: "Asia/Shanghai", socket: { port: WALL_PORT } }),
    DEMO_ADMIN_EMAIL: ADMIN_EMAIL,
    DEMO_ADMIN_PASSWORD: ADMIN_PASSWORD,
  }

  log("migrating the database")
  await medusa(["db:migrate"], env)
  log("seeding the demo store")
  await medusa(["exec", "./src/scripts/seed-demo.ts"], env)

  log("starting Medusa with the order-rhythm plugin")
  const server = medusa(["start"], env, { wait: false })
  let stopping = false
  const stop = async (code) => {
    if (stopping) return
    stopping = true
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
