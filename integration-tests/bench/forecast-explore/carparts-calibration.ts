/** Exploration (validation windows only): where carparts' service levels come from. */
import { forecasterFor, forecastSeries, leadTimeDemand } from "../../../plugin/src/lib/forecast"
import { namedSeries, readCsvGz } from "../forecast/data"
import { VALIDATION_WINDOWS } from "../forecast/frozen"

const names = new Set(readCsvGz("carparts_croston_reference_R.csv.gz").map((r) => r.series))
const fair = process.argv[2] === "fair"
const every = namedSeries("carparts.csv.gz").map((s) => s.values)
const all = every.filter((_, i) => fair || names.has(namedSeries("carparts.csv.gz")[i].name))
const T = [0.9, 0.95, 0.99]
const cdf = (q: (p: number, r: any) => number, x: number) => { let lo = 0, hi = 1; for (let i = 0; i < 30; i++) { const m = (lo + hi) / 2; if (q(m, "at-least") <= x) lo = m; else hi = m } return lo }
for (const [wname, w] of Object.entries(VALIDATION_WINDOWS.carparts)) {
  const g: Record<string, { n: number; out: number[]; F: number[]; mu: number; d: number }> = {}
  for (const full of all) {
    const y = full.slice(0, w.end)
    // the test's rule, on what was known at the first review: complete, and at least 10 of every 39 months sold
    if (fair && (y.some((v) => !Number.isFinite(v)) || y.slice(0, w.firstReview).filter((v) => v > 0).length < Math.ceil((10 * w.firstReview) / 39))) continue
    const f = forecastSeries(y.slice(0, w.firstReview), { horizon: 2, season: 1 })
    const model = forecasterFor(f.state.model)
    let state = f.state
    for (let t = w.firstReview; t < y.length; t++) {
      const mean = model.predict(state, 2).map((v) => Math.max(0, v))
      const ltd = leadTimeDemand(mean, f.profile, 2, f.intermittent)
      if (t + 1 < y.length) {
        const d = y[t] + y[t + 1]
        const key = `${ltd.distribution}${ltd.mean < 0.5 ? " mu<0.5" : ltd.mean < 2 ? " mu<2" : " mu>=2"}`
        const r = (g[key] ??= { n: 0, out: [0, 0, 0], F: [0, 0, 0], mu: 0, d: 0 })
        r.n++; r.mu += ltd.mean; r.d += d
        T.forEach((p, i) => { const L = ltd.quantile(p); if (d > L) r.out[i]++; r.F[i] += ltd.distribution === "empirical" ? p : cdf(ltd.quantile, L) })
      }
      state = model.update(state, y[t])
    }
  }
  console.log(wname)
  for (const [k, r] of Object.entries(g).sort()) console.log(`  ${k.padEnd(28)} n ${String(r.n).padStart(5)}  sum(mu)/sum(d) ${(r.mu / r.d).toFixed(2)}  ` + T.map((p, i) => `${p}: model ${(100 * r.F[i] / r.n).toFixed(1)} achieved ${(100 - 100 * r.out[i] / r.n).toFixed(1)}`).join("  "))
}
