#!/usr/bin/env node
// Runs every package's tests in turn (pure engines, wall display, the real Medusa app)
// and closes with one line that counts them all.
const { spawnSync } = require("node:child_process")
const fs = require("node:fs")
const os = require("node:os")
const path = require("node:path")

const ROOT = path.resolve(__dirname, "..", "..")
const suites = [
  { name: "plugin engines", cwd: "plugin", command: [] },
  { name: "wall display", cwd: "dashboard", command: [] },
  { name: "Medusa app", cwd: "integration-tests", command: ["node", "scripts/with-postgres.js"] },
]

const totals = { passed: 0, failed: 0, skipped: 0 }
let broken = false
for (const suite of suites) {
  const report = path.join(os.tmpdir(), `order-rhythm-${suite.cwd}-${process.pid}.json`)
  const vitest = path.join(ROOT, suite.cwd, "node_modules", ".bin", "vitest")
  const args = [...suite.command, vitest, "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`]
  console.log(`\n=== ${suite.name} (${suite.cwd}) ===`)
  const [command, ...rest] = args
  const run = spawnSync(command, rest, { cwd: path.join(ROOT, suite.cwd), stdio: "inherit", env: process.env })
  if (!fs.existsSync(report)) {
    console.error(`${suite.name}: the test runner wrote no report (exit ${run.status})`)
    broken = true
    continue
  }
  const result = JSON.parse(fs.readFileSync(report, "utf8"))
  fs.rmSync(report, { force: true })
  totals.passed += result.numPassedTests
  totals.failed += result.numFailedTests
  totals.skipped += result.numPendingTests + (result.numTodoTests ?? 0)
  if (run.status !== 0) {
    broken = true
  }
  console.log(`${suite.name}: ${result.numPassedTests} passed, ${result.numFailedTests} failed`)
}

console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
process.exit(broken || totals.failed > 0 || totals.passed === 0 ? 1 : 0)
