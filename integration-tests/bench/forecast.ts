/**
 * `pnpm bench:forecast`: the forecasting engine on public demand data (../shared/data), against
 * the published reference numbers and baselines computed in the same run. Prints its figures, then
 * as the very last line one JSON object of the headline figures, also written to
 * bench/results/forecast.json.
 *
 * The configuration (FROZEN, in bench/forecast/frozen.ts) is a REVISED one. The first
 * configuration was frozen before any test part was looked at, and its test figures were
 * published (M3 sMAPE 13.80, jewelry MASE 0.613 and 95% coverage 0.997, carparts CSL gap 4.1 pts,
 * pizza MASE 0.753). Knowing those figures, the revision (engine and configuration) was chosen on
 * validation windows cut from the TRAINING parts only, with `pnpm bench:forecast:validate`, and
 * never against a test part; the validation numbers behind each choice are in the comments next
 * to FROZEN. Because the earlier test figures were known while revising, the test figures of this
 * revision are less clean evidence than the first ones: read them with that in mind. A second
 * revision (the seasonal indices' shrinkage, see the M3 comment in frozen.ts) was chosen the same
 * way, on validation only, knowing the first revision's test figures (M3 13.80, jewelry 0.630,
 * carparts 4.42 pts, pizza 0.753). A fourth (session 8: M3's trend models on the log scale, pizza
 * top-down from the store's level, intermittent lead-time demand's mean moved by its backtest's
 * actual / forecast ratio, and carparts' validation counting series by the test's own rule) was
 * chosen on validation only, knowing the third's test figures (M3 13.74, jewelry 0.630 / 52.2% /
 * 0.960, carparts 4.42 pts, pizza 0.753). A seventh (session 10: pizza's scored point is the
 * count median of its mean forecast, since MASE is an absolute error) was chosen on validation
 * only, knowing the sixth's test figures (jewelry 0.682 / 38.2% / 0.968, pizza 0.769). An eighth
 * (session 11: jewelry's shrunk median shaped week by week by the catalogue's record of the same
 * weeks a year back) was chosen on validation only, knowing the seventh's test figures (jewelry
 * 0.682 / 38.2% / 0.968, pizza 0.703); its test figures were worse (0.707 / 40.8% / 0.958) and it
 * was kept, since undoing it on them would be choosing on the test.
 */
import { mkdirSync, writeFileSync } from "node:fs"
import path from "node:path"
import { catalogueLevelPath, coverage, forecastSeries, forecasterFor, mase, sharedSeasonalProfile, smape } from "../../plugin/src/lib/forecast"
import { carpartsPolicy } from "./forecast/carparts"
import { dataDir, holdOut, m3Monthly, namedSeries, pizzaDaily, readCsvGz } from "./forecast/data"
import { FROZEN } from "./forecast/frozen"
import { MIX } from "./forecast/synthetic"
import { speedBench } from "./forecast/speed"

const lines: string[] = []
const log = (s = "") => {
  lines.push(s)
  console.log(s)
}
const avg = (xs: number[]) => {
  const ok = xs.filter(Number.isFinite)
  return ok.reduce((a, b) => a + b, 0) / ok.length
}
const f2 = (v: number) => v.toFixed(2)
const f3 = (v: number) => v.toFixed(3)
const count = (xs: string[]) => {
  const c: Record<string, number> = {}
  for (const x of xs) c[x] = (c[x] ?? 0) + 1
  return Object.entries(c).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(", ")
}
const label = (f: { model: string; members: string[] }) => (f.model === "combination" ? `combination(${f.members.join("+")})` : f.model)
const interval = (f: { quantiles: { p: number; values: number[] }[] }, p: number) => f.quantiles.find((q) => Math.abs(q.p - p) < 1e-9)!.values

function m3() {
  log("M3 monthly: 1,428 series, h = 1..18, sMAPE")
  const series = m3Monthly()
  const ours: number[] = []
  const naive: number[] = []
  const snaive: number[] = []
  const chosen: string[] = []
  for (const s of series) {
    const f = forecastSeries(s.train, FROZEN.m3)
    ours.push(smape(s.test, f.mean))
    chosen.push(label(f))
    naive.push(smape(s.test, s.test.map(() => s.train[s.train.length - 1])))
    snaive.push(smape(s.test, s.test.map((_, k) => s.train[s.train.length - 12 + (k % 12)])))
  }
  const actual = new Map(series.map((s) => [s.id, s.test]))
  const submitted = new Map<string, number[]>()
  for (const r of readCsvGz("m3_monthly_original_forecasts.csv.gz")) {
    const a = actual.get(r.series)![Number(r.h) - 1]
    const f = Number(r.forecast)
    const d = Math.abs(a) + Math.abs(f)
    if (!submitted.has(r.method)) submitted.set(r.method, [])
    submitted.get(r.method)!.push(d === 0 ? 0 : (200 * Math.abs(a - f)) / d)
  }
  const table: [string, number][] = [
    ["Order Rhythm (this run)", avg(ours)],
    ["naive (this run)", avg(naive)],
    ["seasonal naive (this run)", avg(snaive)],
    ...[...submitted].map(([m, xs]): [string, number] => [`${m} (M3 submission, recomputed)`, avg(xs)]),
    ["R ets (published)", 14.14],
    ["R thetaf (published)", 13.86],
    ["R mean of ets and thetaf (published)", 13.59],
  ]
  table.sort((a, b) => a[1] - b[1])
  for (const [name, v] of table) log(`  ${name.padEnd(42)} ${f2(v)}`)
  log(`  models chosen: ${count(chosen.map((c) => c.replace(/\(.*\)/, "")))}`)
  return avg(ours)
}

function jewelry() {
  log("jewelry weekly: 314 series, last 13 weeks, MASE (in-sample lag-1 naive)")
  const rows = namedSeries("jewelry.csv.gz").map((s) => {
    const { train, test } = holdOut(s.values, 13)
    const f = forecastSeries(train, FROZEN.jewelry)
    const flat = (v: number) => test.map(() => v)
    const sesF = forecasterFor("ses")
    return {
      ours: mase(test, f.mean, train, 1),
      naive: mase(test, flat(train[train.length - 1]), train, 1),
      ses: mase(test, sesF.predict(sesF.fit(train, { season: 1 }), 13), train, 1),
      last4: mase(test, flat(avg(train.slice(-4))), train, 1),
      mean: mase(test, flat(avg(train)), train, 1),
      cov: coverage(test, interval(f, 0.025), interval(f, 0.975)),
      model: label(f),
    }
  })
  const m = avg(rows.map((r) => r.ours))
  const beats = rows.filter((r) => r.ours < r.naive).length / rows.length
  const cov = avg(rows.map((r) => r.cov))
  log(`  Order Rhythm ${f3(m)}   naive ${f3(avg(rows.map((r) => r.naive)))}   SES ${f3(avg(rows.map((r) => r.ses)))}   mean of last 4 ${f3(avg(rows.map((r) => r.last4)))}   mean of history ${f3(avg(rows.map((r) => r.mean)))}   (this run)`)
  log(`  published: naive 0.650, SES 0.625, mean of last 4 0.613, R ets 1.064, mean 1.077`)
  log(`  better than naive on ${(100 * beats).toFixed(1)}% of series; 95% interval coverage ${f3(cov)}`)
  log(`  models chosen: ${count(rows.map((r) => r.model))}`)
  return { mase: m, beats, cov }
}

function carparts() {
  log("carparts monthly: 1,060 reference series, order-up-to policy, review 1 month, lead time 1 month, last 12 months")
  const names = new Set(readCsvGz("carparts_croston_reference_R.csv.gz").map((r) => r.series))
  const series = namedSeries("carparts.csv.gz").filter((s) => names.has(s.name)).map((s) => s.values)
  const r = carpartsPolicy(series, FROZEN.carparts.firstReview, FROZEN.carparts.leadTime)
  log(`  target   CSL achieved (ours / Croston normal)   mean stock (ours / Croston)`)
  r.ours.forEach((o, i) => {
    const c = r.croston[i]
    log(`  ${(100 * o.target).toFixed(0).padStart(4)}%   ${(100 * o.csl).toFixed(1).padStart(6)}% / ${(100 * c.csl).toFixed(1)}%   ${f3(o.meanStock).padStart(22)} / ${f3(c.meanStock)}   (${o.cycles} cycles)`)
  })
  const stockRatio = avg(r.ours.map((o, i) => o.meanStock / r.croston[i].meanStock))
  log(`  largest CSL gap: ours ${f2(r.gapPts)} pts, Croston ${f2(r.crostonGapPts)} pts; our stock is ${(100 * stockRatio).toFixed(0)}% of Croston's on average`)
  log(`  models chosen: ${count(Object.entries(r.chosen).flatMap(([k, v]) => new Array(v).fill(k)))}`)
  return r.gapPts
}

function pizza() {
  log("pizza daily: units per SKU over 2015, last 28 days, MASE (in-sample weekly seasonal naive)")
  const skus = pizzaDaily()
  const parts = skus.map((s) => holdOut(s.values, 28))
  const sharedProfile = sharedSeasonalProfile(parts.map((p) => p.train), 7)
  // the store's level from the training days only, like its week's shape
  const catalogueLevel = catalogueLevelPath(parts.map((p) => p.train), 7)
  const rows = parts.map(({ train, test }) => {
    const f = forecastSeries(train, { ...FROZEN.pizza, sharedProfile, catalogueLevel })
    const flat = (v: number) => test.map(() => v)
    return {
      ours: mase(test, f.point, train, 7),
      oursMean: mase(test, f.mean, train, 7),
      snaive: mase(test, test.map((_, k) => train[train.length - 7 + (k % 7)]), train, 7),
      mean: mase(test, flat(avg(train)), train, 7),
      last28: mase(test, flat(avg(train.slice(-28))), train, 7),
      model: label(f),
    }
  })
  const m = avg(rows.map((r) => r.ours))
  log(`  ${skus.length} SKUs sold. Order Rhythm ${f3(m)}   seasonal naive ${f3(avg(rows.map((r) => r.snaive)))}   mean of history ${f3(avg(rows.map((r) => r.mean)))}   mean of last 28 days ${f3(avg(rows.map((r) => r.last28)))}   (this run)`)
  log(`  published: seasonal naive 1.016, mean 0.756, mean of last 28 days 0.773`)
  // the score is an absolute error, so the point is the forecast's count median (FROZEN.pizza.point); its mean, for reference
  log(`  Order Rhythm's mean as the point ${f3(avg(rows.map((r) => r.oursMean)))}`)
  log(`  models chosen: ${count(rows.map((r) => r.model.replace(/\(.*\)/, "")))}`)
  return m
}

async function main() {
  log(`Order Rhythm forecast benchmark (data: ${dataDir})`)
  const t0 = performance.now()
  const m3Smape = m3()
  log()
  const j = jewelry()
  log()
  const csl = carparts()
  log()
  const pz = pizza()
  log()
  const { series, length, runs } = FROZEN.speed
  log(`speed: ${series} synthetic daily series of ${length} days (${Object.entries(MIX).map(([k, v]) => `${100 * v}% ${k}`).join(", ")}), 2 worker threads`)
  const sp = await speedBench(series, length, runs, log)
  const top = Object.entries(sp.chosen).sort((a, b) => b[1] - a[1])
  const rest = top.slice(6).reduce((s, [, v]) => s + v, 0)
  log(`  models chosen: ${top.slice(0, 6).map(([k, v]) => `${k} ${v}`).join(", ")}${rest ? `, ${top.length - 6} other choices ${rest}` : ""}`)
  log()
  const headline = {
    m3_monthly_smape: round(m3Smape, 3),
    jewelry_mase: round(j.mase, 4),
    jewelry_beats_naive_share: round(j.beats, 4),
    jewelry_coverage95: round(j.cov, 4),
    carparts_csl_gap_pts: round(csl, 3),
    pizza_mase: round(pz, 4),
    refit_10k_s: round(sp.refitSeconds, 2),
    reselect_10k_s: round(sp.reselectSeconds, 2),
    update_ms: round(sp.updateMs, 5),
  }
  const goals: [string, boolean][] = [
    ["M3 sMAPE <= 13.5", headline.m3_monthly_smape <= 13.5],
    ["jewelry MASE <= 0.60", headline.jewelry_mase <= 0.6],
    ["jewelry beats naive >= 60%", headline.jewelry_beats_naive_share >= 0.6],
    ["jewelry coverage95 in [0.92, 0.98]", headline.jewelry_coverage95 >= 0.92 && headline.jewelry_coverage95 <= 0.98],
    ["carparts CSL gap <= 2 pts", headline.carparts_csl_gap_pts <= 2],
    ["pizza MASE <= 0.75", headline.pizza_mase <= 0.75],
    ["refit 10k <= 20 s", headline.refit_10k_s <= 20],
    ["reselect 10k <= 120 s", headline.reselect_10k_s <= 120],
    ["update <= 1 ms", headline.update_ms <= 1],
  ]
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
