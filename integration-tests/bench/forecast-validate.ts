/**
 * `pnpm bench:forecast:validate [m3|jewelry|carparts|pizza ...]`: the same figures as
 * `bench:forecast`, but on validation windows cut from the TRAINING parts only. The test part of
 * every series is cut off first and never read here. This is where the configuration in
 * forecast.ts (FROZEN) is chosen; the test figures are computed once, after it is frozen.
 *
 * Windows: M3, the last 18 months of train; jewelry, the four 13-week quarters of its second training
 * year (the one 39 weeks before the end is the test's weeks a year earlier; the last holds Christmas); carparts, reviews in months 27-38 and (with a history as long as
 * the test's nearly is) in months 33-38, both before the test's first review at 39;
 * pizza, the 28 days before the test.
 */
import { catalogueLevelPath, coverage, forecastSeries, mase, sharedSeasonalProfile, smape, type ForecastConfig } from "../../plugin/src/lib/forecast"
import { carpartsPolicy } from "./forecast/carparts"
import { holdOut, m3Monthly, namedSeries, pizzaDaily, readCsvGz } from "./forecast/data"
import { FROZEN, VALIDATION_WINDOWS } from "./forecast/frozen"

const avg = (xs: number[]) => {
  const ok = xs.filter(Number.isFinite)
  return ok.reduce((a, b) => a + b, 0) / ok.length
}
const interval = (f: { quantiles: { p: number; values: number[] }[] }, p: number) => f.quantiles.find((q) => Math.abs(q.p - p) < 1e-9)!.values
// a JSON object merged over each part's configuration, to try a variant without editing code
const override: Record<string, Partial<ForecastConfig>> = JSON.parse(process.env.FORECAST_OVERRIDE ?? "{}")

function m3() {
  const cfg = { ...FROZEN.m3, ...override.m3 }
  const out = m3Monthly().map((s) => {
    const { train, test } = holdOut(s.train, 18) // s.test is never read
    return smape(test, forecastSeries(train, cfg).mean)
  })
  return { m3_smape: avg(out) }
}

function jewelry() {
  const cfg = { ...FROZEN.jewelry, ...override.jewelry }
  const series = namedSeries("jewelry.csv.gz").map((s) => holdOut(s.values, 13).train)
  const res: Record<string, number> = {}
  // 13-week windows ending 0, 13, 26 and 39 weeks before the end of training: the last is the
  // test's own weeks a year (52) earlier, the first holds Christmas
  for (const [name, end] of Object.entries(VALIDATION_WINDOWS.jewelry)) {
    const rows = series.map((y) => {
      const { train, test } = holdOut(y.slice(0, y.length - end), 13)
      const f = forecastSeries(train, cfg)
      return {
        mase: mase(test, f.mean, train, 1),
        naive: mase(test, test.map(() => train[train.length - 1]), train, 1),
        cov: coverage(test, interval(f, 0.025), interval(f, 0.975)),
        cov80: coverage(test, interval(f, 0.1), interval(f, 0.9)),
      }
    })
    res[`jewelry_${name}_mase`] = avg(rows.map((r) => r.mase))
    res[`jewelry_${name}_beats`] = rows.filter((r) => r.mase < r.naive).length / rows.length
    res[`jewelry_${name}_cov95`] = avg(rows.map((r) => r.cov))
    res[`jewelry_${name}_cov80`] = avg(rows.map((r) => r.cov80))
  }
  return res
}

function carparts() {
  const names = new Set(readCsvGz("carparts_croston_reference_R.csv.gz").map((r) => r.series))
  const all = namedSeries("carparts.csv.gz").filter((s) => names.has(s.name))
  const res: Record<string, number> = {}
  for (const [name, w] of Object.entries(VALIDATION_WINDOWS.carparts)) {
    const series = all.map((s) => s.values.slice(0, w.end))
    const r = carpartsPolicy(series, w.firstReview, FROZEN.carparts.leadTime, override.carparts)
    res[`carparts_${name}_gap`] = r.gapPts
    res[`carparts_${name}_croston_gap`] = r.crostonGapPts
    for (const o of r.ours) res[`carparts_${name}_csl${Math.round(o.target * 100)}`] = o.csl
    res[`carparts_${name}_stock_vs_croston`] = avg(r.ours.map((o, i) => o.meanStock / r.croston[i].meanStock))
  }
  // The same windows with the test's own rule for which series count, applied to what was known
  // at the window's first review (complete, and at least 10 of every 39 months sold by then). The
  // reference set above was chosen on months 0-38, so inside those months it holds only series
  // that sell: an item quiet at a validation review is bound to sell before month 39, and its
  // cycles run out far more often than its forecast says, which the test's reviews (39-50) never
  // see. Those cycles pulled the windows above under their targets and hid an over-coverage.
  const every = namedSeries("carparts.csv.gz").map((s) => s.values)
  for (const [name, w] of Object.entries(VALIDATION_WINDOWS.carparts)) {
    const series = every
      .map((v) => v.slice(0, w.end))
      .filter((y) => y.every(Number.isFinite) && y.slice(0, w.firstReview).filter((v) => v > 0).length >= Math.ceil((10 * w.firstReview) / 39))
    const r = carpartsPolicy(series, w.firstReview, FROZEN.carparts.leadTime, override.carparts)
    res[`carparts_fair_${name}_series`] = series.length
    res[`carparts_fair_${name}_gap`] = r.gapPts
    for (const o of r.ours) res[`carparts_fair_${name}_csl${Math.round(o.target * 100)}`] = o.csl
    res[`carparts_fair_${name}_stock_vs_croston`] = avg(r.ours.map((o, i) => o.meanStock / r.croston[i].meanStock))
  }
  return res
}

function pizza() {
  const cfg = { ...FROZEN.pizza, ...override.pizza }
  const parts = pizzaDaily().map((s) => holdOut(holdOut(s.values, 28).train, 28))
  const sharedProfile = sharedSeasonalProfile(parts.map((p) => p.train), 7)
  const catalogueLevel = catalogueLevelPath(parts.map((p) => p.train), 7)
  const rows = parts.map(({ train, test }) => {
    const f = forecastSeries(train, { ...cfg, sharedProfile, catalogueLevel })
    return { ours: mase(test, f.point, train, 7), oursMean: mase(test, f.mean, train, 7), mean: mase(test, test.map(() => avg(train)), train, 7) }
  })
  return { pizza_mase: avg(rows.map((r) => r.ours)), pizza_mean_point_mase: avg(rows.map((r) => r.oursMean)), pizza_mean_mase: avg(rows.map((r) => r.mean)) }
}

const parts: Record<string, () => Record<string, number>> = { m3, jewelry, carparts, pizza }
const chosen = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(parts)
const out: Record<string, number> = {}
for (const p of chosen) {
  const t0 = performance.now()
  Object.assign(out, parts[p]())
  console.log(`${p}: ${((performance.now() - t0) / 1000).toFixed(1)} s`)
}
console.log(JSON.stringify(Object.fromEntries(Object.entries(out).map(([k, v]) => [k, Math.round(v * 10000) / 10000]))))
