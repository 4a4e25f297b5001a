/**
 * `pnpm bench:forecast`: the shipped forecasting configuration (`shippedConfig`, the one the
 * plugin and `pnpm forecast:eval` run) on public demand data (../shared/data), with naive and
 * seasonal naive from the same run. Each data set is scored on validation windows cut from its
 * training part (where the configuration was chosen) and on its test part (reported, never chosen
 * on), side by side. Prints its figures, then as the very last line one JSON object of the headline
 * figures, also written to bench/results/forecast.json.
 */
import { mkdirSync, writeFileSync } from "node:fs"
import path from "node:path"
import { carpartsPolicy } from "./forecast/carparts"
import { dataDir, namedSeries, readCsvGz } from "./forecast/data"
import { m3Reference } from "./forecast/m3-reference"
import { meanScore, scoreParts, type SetScore } from "./forecast/scores"
import { configFor, SETS, type DataSet } from "./forecast/sets"
import { MIX } from "./forecast/synthetic"
import { SPEED, speedBench } from "./forecast/speed"

const lines: string[] = []
const log = (s = "") => {
  lines.push(s)
  console.log(s)
}
const f2 = (v: number) => v.toFixed(2)
const f3 = (v: number) => v.toFixed(3)
const count = (c: Record<string, number>, top = 8) => {
  const sorted = Object.entries(c).sort((a, b) => b[1] - a[1])
  const rest = sorted.slice(top).reduce((s, [, v]) => s + v, 0)
  return sorted.slice(0, top).map(([k, v]) => `${k} ${v}`).join(", ") + (rest ? `, ${sorted.length - top} other choices ${rest}` : "")
}

function scoreSet(set: DataSet): { validation: SetScore; test: SetScore } {
  const config = configFor(set)
  const validation = meanScore(set.validation().map((parts) => scoreParts(parts, config)))
  const test = scoreParts(set.test(), config)
  log(`${set.name}: ${test.series} series, h = ${set.horizon}, season ${set.season}; MASE and MSIS on the in-sample seasonal-naive scale`)
  log(`  ${"".padEnd(12)}${["sMAPE", "MASE", "naive", "s.naive", "cov95", "cov80", "MSIS", "MSIS naive"].map((h) => h.padStart(11)).join("")}`)
  for (const [name, s] of [["validation", validation], ["test", test]] as const) {
    log(`  ${name.padEnd(12)}${[f2(s.smape), f3(s.mase), f3(s.naive_mase), f3(s.snaive_mase), f3(s.coverage95), f3(s.coverage80), f2(s.msis), f2(s.msis_naive)].map((v) => v.padStart(11)).join("")}`)
  }
  log(`  RMSSE ${f3(validation.rmsse)} (naive ${f3(validation.naive_rmsse)}, seasonal naive ${f3(validation.snaive_rmsse)}) validation, ${f3(test.rmsse)} (${f3(test.naive_rmsse)}, ${f3(test.snaive_rmsse)}) test; scaled pinball of the daily demand quantiles ${f3(validation.pinball)} / ${f3(test.pinball)}`)
  log(`  better than naive on ${(100 * validation.beats_naive).toFixed(1)}% (validation) / ${(100 * test.beats_naive).toFixed(1)}% (test) of series`)
  log(`  models chosen (test): ${count(test.models)}`)
  return { validation, test }
}

function carparts() {
  log("carparts monthly: order-up-to policy on the cumulative demand quantiles, review 1 month, lead time 1 month")
  const leadTime = 1
  // test: the 1,060 reference series (at least 10 of their first 39 months sold), reviews in months 39-50
  const names = new Set(readCsvGz("carparts_croston_reference_R.csv.gz").map((r) => r.series))
  const every = namedSeries("carparts.csv.gz")
  const test = carpartsPolicy(every.filter((s) => names.has(s.name)).map((s) => s.values), 39, leadTime)
  // validation: reviews inside the training months, the series chosen by the test's own rule at the window's first review
  const windows = [
    { firstReview: 21, end: 33 },
    { firstReview: 27, end: 39 },
    { firstReview: 33, end: 39 },
  ]
  const validation = windows.map((w) => {
    const series = every
      .map((s) => s.values.slice(0, w.end))
      .filter((y) => y.every(Number.isFinite) && y.slice(0, w.firstReview).filter((v) => v > 0).length >= Math.ceil((10 * w.firstReview) / 39))
    return { w, r: carpartsPolicy(series, w.firstReview, leadTime) }
  })
  const row = (name: string, r: ReturnType<typeof carpartsPolicy>) =>
    log(`  ${name.padEnd(22)} CSL ${r.ours.map((o) => `${(100 * o.csl).toFixed(1)}%`).join(" / ")} at 90/95/99%, largest gap ${f2(r.gapPts)} pts (Croston normal ${f2(r.crostonGapPts)}), stock ${(100 * (r.ours.reduce((s, o, i) => s + o.meanStock / r.croston[i].meanStock, 0) / r.ours.length)).toFixed(0)}% of Croston's, ${r.ours[0].cycles} cycles`)
  for (const { w, r } of validation) row(`validation ${w.firstReview}-${w.end - 1}`, r)
  row("test 39-50", test)
  log(`  models chosen (test): ${count(test.chosen)}`)
  return { validation: validation.reduce((s, v) => s + v.r.gapPts, 0) / validation.length, test: test.gapPts, csl95: test.ours.find((o) => o.target === 0.95)!.csl }
}

async function main() {
  log(`Order Rhythm forecast benchmark, config "shipped" (data: ${dataDir})`)
  const t0 = performance.now()
  const scores: Record<string, { validation: SetScore; test: SetScore }> = {}
  for (const set of SETS) {
    scores[set.name] = scoreSet(set)
    if (set.name === "m3_monthly") m3Reference(scores[set.name].test.smape, log)
    log()
  }
  const csl = carparts()
  log()
  log(`speed: ${SPEED.series} synthetic daily series of ${SPEED.length} days (${Object.entries(MIX).map(([k, v]) => `${100 * v}% ${k}`).join(", ")}), 2 worker threads`)
  const sp = await speedBench(SPEED.series, SPEED.length, SPEED.runs, log)
  log(`  models chosen: ${count(sp.chosen)}`)
  log()
  const headline: Record<string, string | number> = { config: "shipped", m3_monthly_smape: round(scores.m3_monthly.test.smape, 3) }
  for (const set of SETS) {
    const t = scores[set.name].test
    Object.assign(headline, {
      [`${set.name}_mase`]: round(t.mase, 4),
      [`${set.name}_naive_mase`]: round(t.naive_mase, 4),
      [`${set.name}_snaive_mase`]: round(t.snaive_mase, 4),
      [`${set.name}_coverage95`]: round(t.coverage95, 4),
      [`${set.name}_msis`]: round(t.msis, 3),
      [`${set.name}_msis_naive`]: round(t.msis_naive, 3),
    })
  }
  headline.jewelry_beats_naive_share = round(scores.jewelry.test.beats_naive, 4)
  Object.assign(headline, { carparts_csl_gap_pts: round(csl.test, 3), carparts_coverage95: round(csl.csl95, 4), refit_10k_s: round(sp.refitSeconds, 2), reselect_10k_s: round(sp.reselectSeconds, 2), update_ms: round(sp.updateMs, 5) })
  const goals: [string, boolean][] = []
  for (const set of SETS) {
    const t = scores[set.name].test
    goals.push([`${set.name} MASE below naive and seasonal naive`, t.mase < t.naive_mase && t.mase < t.snaive_mase])
    goals.push([`${set.name} coverage95 in [0.93, 0.97]`, t.coverage95 >= 0.93 && t.coverage95 <= 0.97])
    goals.push([`${set.name} MSIS <= naive's`, t.msis <= t.msis_naive])
  }
  goals.push(["carparts CSL gap <= 2 pts", csl.test <= 2], ["refit 10k <= 20 s", sp.refitSeconds <= 20], ["reselect 10k <= 120 s", sp.reselectSeconds <= 120], ["update <= 1 ms", sp.updateMs <= 1])
  log(`goals: ${goals.map(([g, ok]) => `${ok ? "met" : "MISSED"}: ${g}`).join("; ")}`)
  log(`total ${((performance.now() - t0) / 1000).toFixed(0)} s`)
  const json = JSON.stringify(headline)
  const dir = path.join(__dirname, "results")
  mkdirSync(dir, { recursive: true })
  writeFileSync(path.join(dir, "forecast.json"), json + "\n")
  console.log(json)
}

function round(v: number, d: number) {
  const k = 10 ** d
  return Math.round(v * k) / k
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
