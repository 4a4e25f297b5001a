#!/usr/bin/env node
// Runs every package's tests in turn (pure engines, wall display, the real Medusa app)
// and closes with one line that counts them all. On CI (CI=true) a skipped test fails the run:
// a test that cannot run there (no Redis, no Chromium, no data) is a broken machine, not a pass.
const { spawnSync } = require("node:child_process")
const fs = require("node:fs")
const os = require("node:os")
const path = require("node:path")

const ROOT = path.resolve(__dirname, "..", "..")
const allSuites = [
  { name: "plugin engines", cwd: "plugin", command: [] },
  { name: "wall display", cwd: "dashboard", command: [] },
  { name: "Medusa app", cwd: "integration-tests", command: ["node", "scripts/with-postgres.js"] },
]
// `test-all.js plugin dashboard` runs only those packages' suites.
const only = process.argv.slice(2)
const suites = only.length ? allSuites.filter((suite) => only.includes(suite.cwd)) : allSuites
if (suites.length === 0) {
  console.error(`no suite named ${only.join(", ")} (the suites: ${allSuites.map((suite) => suite.cwd).join(", ")})`)
  process.exit(1)
}

const CI = process.env.CI === "true"
const totals = { passed: 0, failed: 0, skipped: 0 }
const skippedTests = []
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
  for (const file of result.testResults ?? []) {
    for (const test of file.assertionResults ?? []) {
      if (["pending", "skipped", "todo", "disabled"].includes(test.status)) {
        skippedTests.push(`${path.relative(ROOT, file.name)} > ${test.fullName || test.title}`)
      }
    }
  }
  if (run.status !== 0) {
    broken = true
  }
  console.log(`${suite.name}: ${result.numPassedTests} passed, ${result.numFailedTests} failed`)
}

console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
if (skippedTests.length > 0) {
  console.error(`${CI ? "CI: skipped tests fail the run" : "skipped"}:\n${skippedTests.map((name) => `  ${name}`).join("\n")}`)
}
const skipFails = CI && (totals.skipped > 0 || skippedTests.length > 0)
process.exit(broken || skipFails || totals.failed > 0 || totals.passed === 0 ? 1 : 0)
