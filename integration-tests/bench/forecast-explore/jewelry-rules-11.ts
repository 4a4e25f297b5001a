/** Exploration (validation only), session 10: equal-weight combinations and pooled (global) weights on jewelry's four training quarters. */
import { forecasterFor, mase } from "../../../plugin/src/lib/forecast"
import { shrunkMedianLevel } from "../../../plugin/src/lib/forecast/models/shrunk-median"
import { holdOut, namedSeries } from "../forecast/data"
import { VALIDATION_WINDOWS } from "../forecast/frozen"

const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
const med = (xs: number[]) => { const s = xs.slice().sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2 }
const series = namedSeries("jewelry.csv.gz").map((s) => holdOut(s.values, 13).train)
const ses = (y: number[]) => { const f = forecasterFor("ses"); return f.predict(f.fit(y, { season: 1 }), 1)[0] }
const shrunk = (y: number[]) => shrunkMedianLevel(y.slice(-52), Math.min(13, y.length), 13)
// level estimators a combination draws on, each a flat 13-week forecast
const feats: Record<string, (y: number[]) => number> = {
  shrunk, median13: (y) => med(y.slice(-13)), mean4: (y) => avg(y.slice(-4)), last: (y) => y[y.length - 1], median52: (y) => med(y.slice(-52)),
}
const naiveScale = (y: number[]) => { let s = 0; for (let t = 1; t < y.length; t++) s += Math.abs(y[t] - y[t - 1]); return s / (y.length - 1) }
// least absolute deviations by iteratively reweighted least squares, no intercept (scale-free)
function lad(X: number[][], z: number[], iters = 50): number[] {
  const p = X[0].length; let w = new Array(p).fill(1 / p)
  for (let it = 0; it < iters; it++) {
    const A = Array.from({ length: p }, () => new Array(p).fill(0)), b = new Array(p).fill(0)
    X.forEach((x, i) => { const r = Math.abs(z[i] - x.reduce((a, v, j) => a + v * w[j], 0)); const wt = 1 / Math.max(r, 1e-3); for (let j = 0; j < p; j++) { b[j] += wt * x[j] * z[i]; for (let k = 0; k < p; k++) A[j][k] += wt * x[j] * x[k] } })
    for (let j = 0; j < p; j++) A[j][j] += 1e-9
    // solve A w = b (Gauss)
    const M = A.map((r, i) => [...r, b[i]])
    for (let c = 0; c < p; c++) { let piv = c; for (let r = c + 1; r < p; r++) if (Math.abs(M[r][c]) > Math.abs(M[piv][c])) piv = r; [M[c], M[piv]] = [M[piv], M[c]]; for (let r = 0; r < p; r++) if (r !== c) { const f = M[r][c] / M[c][c]; for (let k = c; k <= p; k++) M[r][k] -= f * M[c][k] } }
    w = M.map((r, i) => r[p] / r[i])
  }
  return w
}
const out: Record<string, string[]> = {}
const record = (name: string, ms: number[], naiveM: number[]) => {
  const ok = ms.map((m, i) => [m, naiveM[i]]).filter(([m, n]) => Number.isFinite(m) && Number.isFinite(n))
  ;(out[name] ??= []).push(`${avg(ok.map((r) => r[0])).toFixed(3)}/${(ok.filter((r) => r[0] < r[1]).length / ms.length * 100).toFixed(0)}%`)
}
for (const [w, end] of Object.entries(VALIDATION_WINDOWS.jewelry)) {
  const parts = series.map((y) => holdOut(y.slice(0, y.length - end), 13))
  const naiveM = parts.map(({ train, test }) => mase(test, test.map(() => train[train.length - 1]), train, 1))
  const flat = (rule: (y: number[]) => number) => parts.map(({ train, test }) => { const v = Math.max(0, rule(train)); return mase(test, test.map(() => v), train, 1) })
  const pre = parts.map(({ train }) => ({ shrunk: shrunk(train), median13: med(train.slice(-13)), mean4: avg(train.slice(-4)), ses: ses(train) }))
  const rules: Record<string, (i: number) => number> = {
    shrunk: (i) => pre[i].shrunk,
    "mean(ses, mean4, median13)": (i) => (pre[i].ses + pre[i].mean4 + pre[i].median13) / 3,
    "mean(ses, mean4, shrunk)": (i) => (pre[i].ses + pre[i].mean4 + pre[i].shrunk) / 3,
    "median(ses, mean4, median13)": (i) => med([pre[i].ses, pre[i].mean4, pre[i].median13]),
    "median(ses, mean4, shrunk)": (i) => med([pre[i].ses, pre[i].mean4, pre[i].shrunk]),
    "mean(ses, shrunk)": (i) => (pre[i].ses + pre[i].shrunk) / 2,
  }
  // the catalogue's own move: the median over series of median13 / median52 (every series at the same origin)
  const ratios = parts.map(({ train }) => med(train.slice(-13)) / med(train.slice(-52))).filter(Number.isFinite)
  const catRatio = med(ratios)
  const tot = parts[0].train.map((_, t) => parts.reduce((a, p) => a + (p.train[t] ?? 0), 0))
  const catShare = (i: number) => avg(parts[i].train.slice(-52)) / avg(tot.slice(-52)) * med(tot.slice(-13))
  // the shrunk median's year target moved by the catalogue's move (shrink toward top-down, not toward no change)
  const shrunkToward = (y: number[], target: number) => {
    const short = med(y.slice(-13)); const year = y.slice(-52)
    if (year.length < 52) return short
    const ms: number[] = []; let within = 0, df = 0
    for (let e = year.length; e - 13 >= 0; e -= 13) { const b = year.slice(e - 13, e); ms.push(med(b)); const m = avg(b); within += b.reduce((a, v) => a + (v - m) ** 2, 0); df += 12 }
    const mb = avg(ms); const spread = ms.reduce((a, v) => a + (v - mb) ** 2, 0) / (ms.length - 1); const noise = (Math.PI / 2) * (within / df) / 13
    const wt = spread > 0 ? Math.min(1, Math.max(0, 1 - noise / spread)) : 0
    return wt * short + (1 - wt) * target
  }
  rules["shrunk toward median52 x catalogue ratio"] = (i) => shrunkToward(parts[i].train, med(parts[i].train.slice(-52)) * catRatio)
  rules["shrunk toward top-down share"] = (i) => shrunkToward(parts[i].train, catShare(i))
  rules["mean(shrunk, top-down share)"] = (i) => (pre[i].shrunk + catShare(i)) / 2
  // the Hodges-Lehmann estimator (median of the pairwise means): as robust to a spike as the median, less noisy
  const hl = (xs: number[]) => { const a: number[] = []; for (let i = 0; i < xs.length; i++) for (let j = i; j < xs.length; j++) a.push((xs[i] + xs[j]) / 2); return med(a) }
  rules["hodges-lehmann 13"] = (i) => hl(parts[i].train.slice(-13))
  console.log(w, "catalogue ratio", catRatio.toFixed(3))
  for (const [name, r] of Object.entries(rules)) record(name, parts.map(({ train, test }, i) => mase(test, test.map(() => Math.max(0, r(i))), train, 1)), naiveM)
  // pooled weights: LAD of the next 13 weeks (scaled by the series' naive MAE) on the estimators, over every
  // series and every origin whose 13 weeks ended before this window's origin (training of the training)
  for (const [setName, names] of [["shrunk+mean4+last", ["shrunk", "mean4", "last"]], ["shrunk+median13+mean4+last+median52", ["shrunk", "median13", "mean4", "last", "median52"]], ["shrunk+last", ["shrunk", "last"]]] as const) {
    const X: number[][] = [], z: number[] = []
    for (const { train } of parts) for (let o = 26; o + 13 <= train.length; o += 2) {
      const h = train.slice(0, o), sc = naiveScale(h); if (!(sc > 0)) continue
      const x = names.map((n) => feats[n](h) / sc)
      for (let k = 0; k < 13; k++) { X.push(x); z.push(train[o + k] / sc) }
    }
    const wts = lad(X, z)
    console.log(w, setName, "weights", wts.map((v) => v.toFixed(2)).join(","))
    record(`pooled LAD ${setName}`, flat((y) => names.reduce((a, n, j) => a + wts[j] * feats[n](y), 0)), naiveM)
  }
}
console.log("windows:", Object.keys(VALIDATION_WINDOWS.jewelry).join(" "))
for (const [k, v] of Object.entries(out)) console.log(k.padEnd(62), v.join("  "))
