#!/usr/bin/env node
// Runs a command (the test runner) with PostgreSQL found or started, the same way the
// demo finds it, and stops an embedded server afterwards.
const { spawn } = require("node:child_process")
const { ensurePostgres, postgresEnv } = require("./lib/postgres")

async function main() {
  const [command, ...args] = process.argv.slice(2)
  if (!command) {
    console.error("usage: with-postgres <command> [args...]")
    process.exit(2)
  }
  const pg = await ensurePostgres((line) => console.log(`[order-rhythm] ${line}`))
  const child = spawn(command, args, {
    stdio: "inherit",
    env: { ...process.env, ...postgresEnv(pg) },
    shell: process.platform === "win32",
  })
  const stop = () => child.kill("SIGTERM")
  process.on("SIGINT", stop)
  process.on("SIGTERM", stop)
  child.on("exit", async (code, signal) => {
    await pg.stop().catch((error) => console.error(`could not stop PostgreSQL: ${error.message}`))
    process.exit(code ?? (signal ? 1 : 0))
  })
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
