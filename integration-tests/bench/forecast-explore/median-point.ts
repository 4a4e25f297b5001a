/** Exploration (training data only), session 10: the point forecast that absolute error rewards, the predictive median. */
import { catalogueLevelPath, forecastSeries, mase, sharedSeasonalProfile } from "../../../plugin/src/lib/forecast"
import { holdOut, pizzaDaily } from "../forecast/data"
import { FROZEN } from "../forecast/frozen"
import { negativeBinomialQuantile, poissonQuantile } from "../../../plugin/src/lib/forecast/lead-time-demand"

const avg = (xs: number[]) => { const ok = xs.filter(Number.isFinite); return ok.reduce((a, b) => a + b, 0) / ok.length }
const skus = pizzaDaily()
const train0 = skus.map((s) => holdOut(s.values, 28).train)
console.log("mean daily units per SKU", avg(train0.map(avg)).toFixed(2), "quartiles", [0.25, 0.5, 0.75].map((q) => { const s = train0.map(avg).sort((a, b) => a - b); return s[Math.floor(q * s.length)].toFixed(2) }).join(" "))
const H = 28
const poisMed = (m: number) => { if (m <= 0) return 0; let k = 0, p = Math.exp(-m), c = p; while (c < 0.5) { k++; p *= m / k; c += p } return k }
const mode = process.argv[2] ?? "validation"
const origins = mode === "rolling" ? Array.from({ length: 9 }, (_, i) => 197 + 14 * i) : [train0[0].length - 28]
const res: Record<string, number[]> = {}
const per: Record<string, number[]> = {}
for (const o of origins) {
  const all = train0.map((y) => y.slice(0, o))
  const sharedProfile = sharedSeasonalProfile(all, 7)
  const catalogueLevel = catalogueLevelPath(all, 7)
  all.forEach((tr, i) => {
    const test = train0[i].slice(o, o + H)
    const f = forecastSeries(tr, { ...FROZEN.pizza, sharedProfile, catalogueLevel, levels: [0, 80, 95] })
    const q50 = f.quantiles.find((q) => Math.abs(q.p - 0.5) < 1e-9)!.values
    const cand: Record<string, number[]> = {
      engine: f.mean,
      engine_q50: q50,
      poisson_median: f.mean.map(poisMed),
      mean: test.map(() => avg(tr)),
      mean_poisson_median: test.map(() => poisMed(avg(tr))),
      // negative binomial: the one-step backtest errors' mean square over the forecast level there, a dispersion index D
      nb_backtest: f.mean.map((m) => { const lv = f.profile.cumulativeLevel?.[0] ?? 0; const D = lv > 0 ? f.profile.cumulativeMse[0] / lv : 1; return D <= 1.0001 ? poissonQuantile(m, 0.5) : negativeBinomialQuantile(m, m / (D - 1), 0.5) }),
      // the same index from the history: variance over mean of the days around the store-shaped whole-history mean
      nb_history: f.mean.map((m) => { const mu = avg(tr); const D = mu > 0 ? avg(tr.map((v) => (v - mu) ** 2)) / mu : 1; return D <= 1.0001 ? poissonQuantile(m, 0.5) : negativeBinomialQuantile(m, m / (D - 1), 0.5) }),
    }
    for (const [k, v] of Object.entries(cand)) { const m = mase(test, v, tr, 7); (per[k] ??= []).push(m); ((res[k] ??= [])[origins.indexOf(o)] ??= 0); res[k][origins.indexOf(o)] += m / all.length }
  })
}
const se = (name: string) => { const d = per[name].map((v, j) => v - per.engine[j]).filter(Number.isFinite); const m = avg(d); return `${m >= 0 ? "+" : ""}${m.toFixed(4)} (${(m / Math.sqrt(avg(d.map((x) => (x - m) ** 2)) / d.length)).toFixed(1)} SE)` }
for (const [k, v] of Object.entries(res)) console.log(k.padEnd(20), avg(v).toFixed(4), se(k).padEnd(18), v.map((x) => x.toFixed(3)).join(" "))
