/** Exploration (validation only), session 10: per-series rules on jewelry's four training quarters. */
import { mase } from "../../../plugin/src/lib/forecast"
import { holdOut, namedSeries } from "../forecast/data"
import { VALIDATION_WINDOWS } from "../forecast/frozen"

const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
const sorted = (xs: number[]) => xs.slice().sort((a, b) => a - b)
const quant = (xs: number[], q: number) => { const s = sorted(xs); const p = q * (s.length - 1); const i = Math.floor(p); return i + 1 < s.length ? s[i] + (p - i) * (s[i + 1] - s[i]) : s[i] }
const med = (xs: number[]) => quant(xs, 0.5)
const series = namedSeries("jewelry.csv.gz").map((s) => holdOut(s.values, 13).train)
console.log("series", series.length, "lengths", [...new Set(series.map((y) => y.length))].join(","))
// mean absolute error of a rule's 13-week flat forecasts over origins from `first` weeks before the end
const btLoss = (y: number[], rule: (y: number[]) => number, back: number, step = 1) => {
  const n = y.length; let s = 0, c = 0
  for (let o = Math.max(13, n - back); o + 13 <= n; o += step) { const f = rule(y.slice(0, o)); for (let k = 0; k < 13; k++) { s += Math.abs(y[o + k] - f); c++ } }
  return c ? s / c : Infinity
}
// per series, the quantile of the last 13 weeks with the lowest backtest absolute error; the median unless another beats it by margin
const quantPick = (qs: number[], back: number, margin: number) => (y: number[]) => {
  let best = 0.5, bl = btLoss(y, (x) => med(x.slice(-13)), back)
  for (const q of qs) { if (q === 0.5) continue; const l = btLoss(y, (x) => quant(x.slice(-13), q), back); if (l < bl * (1 - margin) && l < Infinity) { best = q; bl = l } }
  return quant(y.slice(-13), best)
}
// shrink the median of 13 toward the median of the last L by w = 1 - noise / spread of 13-week block medians
const shrinkLong = (L: number, c: number) => (y: number[]) => {
  const m13 = med(y.slice(-13)), mL = med(y.slice(-L))
  const blocks: number[] = []
  for (let e = y.length; e - 13 >= 0 && blocks.length < Math.floor(L / 13); e -= 13) blocks.push(med(y.slice(e - 13, e)))
  if (blocks.length < 2) return m13
  const mb = avg(blocks); const spread = avg(blocks.map((b) => (b - mb) ** 2)) * blocks.length / (blocks.length - 1)
  // the sampling variance of a 13-week median: pi/2 * the within-block variance / 13
  let wv = 0, wc = 0
  for (let e = y.length; e - 13 >= 0 && e > y.length - L; e -= 13) { const b = y.slice(e - 13, e); const m = avg(b); wv += b.reduce((a, v) => a + (v - m) ** 2, 0); wc += b.length - 1 }
  const noise = c * (Math.PI / 2) * (wv / Math.max(1, wc)) / 13
  const w = spread > 0 ? Math.min(1, Math.max(0, 1 - noise / spread)) : 0
  return w * m13 + (1 - w) * mL
}
// per series, a level that follows recent change (median / mean of the last k) only when the series' own whole-history backtest shows it wins
const shiftPick = (k: number, back: number, margin: number, useMean = false) => (y: number[]) => {
  const recent = (x: number[]) => (useMean ? avg(x.slice(-k)) : med(x.slice(-k)))
  const lm = btLoss(y, (x) => med(x.slice(-13)), back), lr = btLoss(y, recent, back)
  return lr < lm * (1 - margin) ? recent(y) : med(y.slice(-13))
}
// persistent level shifts: consecutive 13-week block medians differ by more than noise (z) in >= frac of the steps -> recent median
const shiftTest = (k: number, z: number, frac: number) => (y: number[]) => {
  const blocks: number[] = [], sds: number[] = []
  for (let e = y.length; e - 13 >= 0; e -= 13) { const b = y.slice(e - 13, e); blocks.push(med(b)); const m = avg(b); sds.push(Math.sqrt(b.reduce((a, v) => a + (v - m) ** 2, 0) / 12)) }
  if (blocks.length < 3) return med(y.slice(-13))
  let shifts = 0
  for (let i = 0; i + 1 < blocks.length; i++) { const se = Math.sqrt((Math.PI / 2) * (sds[i] ** 2 + sds[i + 1] ** 2) / 13); if (Math.abs(blocks[i] - blocks[i + 1]) > z * se) shifts++ }
  return shifts / (blocks.length - 1) >= frac ? med(y.slice(-k)) : med(y.slice(-13))
}
const rules: Record<string, (y: number[]) => number> = { median13: (y) => med(y.slice(-13)) }
for (const back of [26, 52]) for (const margin of [0, 0.05]) {
  rules[`qpick[.4,.6] b${back} m${margin}`] = quantPick([0.4, 0.6], back, margin)
  rules[`qpick[.3-.7] b${back} m${margin}`] = quantPick([0.3, 0.4, 0.6, 0.7], back, margin)
}
for (const L of [26, 39, 52, 65, 78]) for (const c of [0.5, 1, 2]) rules[`shrink L${L} c${c}`] = shrinkLong(L, c)
for (const k of [4, 6, 8]) for (const back of [26, 52]) for (const margin of [0, 0.05, 0.1]) rules[`shiftpick med${k} b${back} m${margin}`] = shiftPick(k, back, margin)
for (const k of [4, 8]) for (const z of [1.96, 2.58]) for (const frac of [0.34, 0.5]) rules[`shifttest med${k} z${z} f${frac}`] = shiftTest(k, z, frac)
const out: Record<string, string[]> = {}
for (const [w, end] of Object.entries(VALIDATION_WINDOWS.jewelry)) {
  const parts = series.map((y) => holdOut(y.slice(0, y.length - end), 13))
  const naiveM = parts.map(({ train, test }) => mase(test, test.map(() => train[train.length - 1]), train, 1))
  for (const [name, rule] of Object.entries(rules)) {
    const ms = parts.map(({ train, test }) => { const v = Math.max(0, rule(train)); return mase(test, test.map(() => v), train, 1) })
    const ok = ms.map((m, i) => [m, naiveM[i]]).filter(([m, n]) => Number.isFinite(m) && Number.isFinite(n))
    ;(out[name] ??= []).push(`${avg(ok.map((r) => r[0])).toFixed(3)}/${(ok.filter((r) => r[0] < r[1]).length / ms.length * 100).toFixed(0)}%`)
  }
}
console.log("windows:", Object.keys(VALIDATION_WINDOWS.jewelry).join(" "))
for (const [k, v] of Object.entries(out)) console.log(k.padEnd(30), v.join("  "))
