/**
 * Exploration (validation only), session 11: jewelry's four training quarters (christmas / autumn /
 * summer / year_before), MASE / share better than naive, against shrunk_median. The test part is
 * cut off first (holdOut 13) and never read.
 * Part 1, the ideas of the brief: per-series choice of a simple rule by its own rolling-origin
 * backtest (with shrinkage toward the pooled best), trimmed means of the last k, median ensembles,
 * levels on the log scale, the item's last-year level moved by the catalogue's growth.
 * Part 2: a weekly seasonal profile shared by the catalogue (the median over items of each week's
 * ratio to the item's own median), a year back, applied to the item's level.
 * Part 3: the catalogue's record a year back, G(n - 52, k) = the median over items of y(n - 52 + k)
 * over a level rule's value from the weeks before n - 52, multiplied onto the same rule's level now
 * (raw, or only its shape within the quarter, at the powers 0.5 / 0.75 / 1). The shrunk median
 * times the shape at 0.5 was better than the shrunk median in all four quarters: it became
 * `shaped_shrunk_median` (frozen.ts revision 8 has every figure). ONLY=regex runs a subset.
 */
import { forecasterFor, mase } from "../../../plugin/src/lib/forecast"
import { shrunkMedianLevel } from "../../../plugin/src/lib/forecast/models/shrunk-median"
import { holdOut, namedSeries } from "../forecast/data"
import { VALIDATION_WINDOWS } from "../forecast/frozen"

const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
const med = (xs: number[]) => { const s = xs.slice().sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2 }
const trimmed = (xs: number[], keep: number) => { const s = xs.slice().sort((a, b) => a - b); const d = Math.floor((s.length - keep) / 2); return avg(s.slice(d, d + keep)) }
const series = namedSeries("jewelry.csv.gz").map((s) => holdOut(s.values, 13).train)
const sesFit = (y: number[]) => { const f = forecasterFor("ses"); return f.predict(f.fit(y, { season: 1 }), 1)[0] }
const shrunk = (y: number[]) => shrunkMedianLevel(y.slice(-52), Math.min(13, y.length), 13)
const naiveScale = (y: number[]) => { let s = 0; for (let t = 1; t < y.length; t++) s += Math.abs(y[t] - y[t - 1]); return s / (y.length - 1) }
const only = process.env.ONLY ? new RegExp(process.env.ONLY) : null

// flat level rules, each from a history alone
const flatRules: Record<string, (y: number[]) => number> = {
  shrunk,
  naive: (y) => y[y.length - 1],
  mean4: (y) => avg(y.slice(-4)),
  mean8: (y) => avg(y.slice(-8)),
  median13: (y) => med(y.slice(-13)),
  median8: (y) => med(y.slice(-8)),
  ses: sesFit,
  "trimmed 8 keep 4": (y) => trimmed(y.slice(-8), 4),
  "trimmed 8 keep 6": (y) => trimmed(y.slice(-8), 6),
  "trimmed 6 keep 4": (y) => trimmed(y.slice(-6), 4),
  "trimmed 13 keep 11": (y) => trimmed(y.slice(-13), 11),
  // on the log scale, back-transformed to the median: exp of the mean of logs (the geometric mean)
  "log mean4": (y) => Math.exp(avg(y.slice(-4).map((v) => Math.log(v + 1)))) - 1,
  "log mean8": (y) => Math.exp(avg(y.slice(-8).map((v) => Math.log(v + 1)))) - 1,
  "log ses": (y) => Math.exp(sesFit(y.map((v) => Math.log(v + 1)))) - 1,
  "log mean13": (y) => Math.exp(avg(y.slice(-13).map((v) => Math.log(v + 1)))) - 1,
}
const ensembles: Record<string, string[]> = {
  "median(naive, mean4, median13, ses, shrunk)": ["naive", "mean4", "median13", "ses", "shrunk"],
  "median(mean4, mean8, median13, shrunk, ses)": ["mean4", "mean8", "median13", "shrunk", "ses"],
  "median(mean8, median13, shrunk)": ["mean8", "median13", "shrunk"],
  "median(log mean8, median13, shrunk)": ["log mean8", "median13", "shrunk"],
}
const selectable = ["naive", "mean4", "mean8", "median13", "ses", "shrunk"]

const out: Record<string, string[]> = {}
const record = (name: string, ms: number[], naiveM: number[]) => {
  ;(out[name] ??= []).push(`${avg(ms).toFixed(3)}/${((ms.filter((m, i) => m < naiveM[i]).length / ms.length) * 100).toFixed(0)}%`)
}

for (const [w, end] of Object.entries(VALIDATION_WINDOWS.jewelry)) {
  const parts = series.map((y) => holdOut(y.slice(0, y.length - end), 13))
  const n = parts[0].train.length
  const naiveM = parts.map(({ train, test }) => mase(test, test.map(() => train[train.length - 1]), train, 1))
  const score = (name: string, fc: (i: number) => number[]) => {
    if (only && !only.test(name)) return
    record(name, parts.map(({ train, test }, i) => mase(test, fc(i).map((v) => Math.max(0, v)), train, 1)), naiveM)
  }
  const flatOf = (rule: (y: number[]) => number) => (i: number) => new Array(13).fill(rule(parts[i].train))
  const pre = parts.map(({ train }) => Object.fromEntries(Object.entries(flatRules).map(([k, r]) => [k, r(train)])))
  for (const k of Object.keys(flatRules)) score(k, (i) => new Array(13).fill(pre[i][k]))
  for (const [name, ks] of Object.entries(ensembles)) score(name, (i) => new Array(13).fill(med(ks.map((k) => pre[i][k]))))

  // per-series choice by own rolling-origin backtest: flat 13-week forecasts from origins o in the
  // last `span` weeks whose 13 weeks ended by the window's origin, MAE scaled by the series' naive MAE
  if (!only || only.test("backtest")) {
    for (const span of [26, 52]) {
      const bt = parts.map(({ train }) => {
        const sc = naiveScale(train)
        const errs: Record<string, number> = Object.fromEntries(selectable.map((k) => [k, 0]))
        for (let o = Math.max(20, train.length - span); o + 13 <= train.length; o += 1) {
          const h = train.slice(0, o), fut = train.slice(o, o + 13)
          for (const k of selectable) { const v = flatRules[k](h); errs[k] += avg(fut.map((a) => Math.abs(a - v))) / sc }
        }
        return errs
      })
      const pooled = Object.fromEntries(selectable.map((k) => [k, avg(bt.map((e) => e[k]))]))
      const pooledBest = selectable.reduce((a, b) => (pooled[a] <= pooled[b] ? a : b))
      console.log(w, `backtest ${span}: pooled best ${pooledBest}`, Object.entries(pooled).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(", "))
      score(`backtest ${span} own best`, (i) => { const e = bt[i]; const b = selectable.reduce((a, c) => (e[a] <= e[c] ? a : c)); return new Array(13).fill(pre[i][b]) })
      for (const margin of [0.05, 0.1]) score(`backtest ${span} own best if beats shrunk by ${margin}`, (i) => { const e = bt[i]; const b = selectable.reduce((a, c) => (e[a] <= e[c] ? a : c)); return new Array(13).fill(e[b] < (1 - margin) * e.shrunk ? pre[i][b] : pre[i].shrunk) })
      // shrinkage toward the pooled: each rule's score = own + pooled (equal weight), the best of those
      score(`backtest ${span} own+pooled best`, (i) => { const e = bt[i]; const b = selectable.reduce((a, c) => (e[a] + pooled[a] <= e[c] + pooled[c] ? a : c)); return new Array(13).fill(pre[i][b]) })
      // inverse-error weights
      score(`backtest ${span} inverse-error weights`, (i) => { const e = bt[i]; const ws = selectable.map((k) => 1 / Math.max(e[k], 1e-9)); const s = ws.reduce((a, b) => a + b, 0); return new Array(13).fill(selectable.reduce((a, k, j) => a + (ws[j] / s) * pre[i][k], 0)) })
    }
  }

  // the item's own level a year back (the forecast's weeks a year earlier) moved by the catalogue's growth
  if (n >= 52 + 13 - 13) {
    const growth = med(parts.map(({ train }) => med(train.slice(-13)) / med(train.slice(n - 52 - 13, n - 52))).filter(Number.isFinite))
    const lastYear = (i: number) => med(parts[i].train.slice(n - 52, n - 52 + 13))
    console.log(w, "catalogue growth (median13 now / a year back)", growth.toFixed(3))
    score("last year's quarter x catalogue growth", (i) => new Array(13).fill(lastYear(i) * growth))
    score("mean(shrunk, last year's quarter x growth)", (i) => new Array(13).fill((pre[i].shrunk + lastYear(i) * growth) / 2))
  }

  // Part 2: the catalogue's weekly profile. Each item's weeks over its own median of the training
  // part; the median over items of that ratio, week by week: c(t). A spike of a few big items does
  // not move it; a week every item shares (Christmas) does.
  const base = parts.map(({ train }) => med(train.slice(-52)))
  const c = Array.from({ length: n }, (_, t) => med(parts.map(({ train }, i) => train[t] / base[i])))
  if (w === "christmas") console.log("c(t)", c.map((v, t) => `${t + 1}:${v.toFixed(2)}`).join(" "))
  if (n >= 52 + 13) {
    for (const alpha of [0.5, 1]) {
      for (const lv of ["shrunk", "median13", "mean4", "mean8"]) {
        // the item's level times the catalogue's weekly change a year earlier, from the same statistic
        const stat = (xs: number[]) => (lv === "mean4" ? avg(xs.slice(-4)) : lv === "mean8" ? avg(xs.slice(-8)) : lv === "shrunk" ? shrunkMedianLevel(xs.slice(-52), 13, 13) : med(xs.slice(-13)))
        const ref = stat(c.slice(0, n - 52))
        const g = Array.from({ length: 13 }, (_, h) => (c[n - 52 + h] / ref) ** alpha)
        score(`${lv} x catalogue week a year back / its ${lv} then ^${alpha}`, (i) => g.map((x) => pre[i][lv] * x))
      }
    }
  }
  // Part 3: the catalogue's own record of each level rule a year back: G(o, h) = the median over
  // items of y(o + h) / L(o), L the rule's level from the item's weeks before o. Read at o = n - 52
  // it needs weeks up to n - 39 only, and it corrects the rule's own seasonal error (a median of 13
  // taken in the Christmas run-up overshoots the winter; G a year back says by how much).
  if (!only || only.test("G shrunk ") || only.test("G median13 ")) {
    const lvRules: Record<string, (y: number[]) => number> = { shrunk, median13: (y) => med(y.slice(-13)), mean4: (y) => avg(y.slice(-4)), mean8: (y) => avg(y.slice(-8)), "trimmed 8 keep 4": flatRules["trimmed 8 keep 4"], naive: flatRules.naive, ses: sesFit }
    const o = n - 52
    for (const [lv, rule] of Object.entries(lvRules)) {
      if (o < 4) continue
      const lvThen = parts.map(({ train }) => rule(train.slice(0, o)))
      const G = Array.from({ length: 13 }, (_, h) => med(parts.map(({ train }, i) => train[o + h] / lvThen[i]).filter(Number.isFinite)))
      if (lv === "shrunk") console.log(w, "G shrunk", G.map((g) => g.toFixed(2)).join(" "))
      for (const alpha of [0.5, 0.75, 1]) score(`G ${lv} x G(n-52)^${alpha}`, (i) => G.map((g) => rule(parts[i].train) * g ** alpha))
      // flat: the median of the 13 multipliers (one level, no weekly shape)
      score(`G ${lv} x median G flat`, (i) => new Array(13).fill(rule(parts[i].train) * med(G)))
      // the shape within the quarter only (G over its own median): the item's level stays the rule's
      const mG = med(G)
      for (const alpha of [0.5, 0.75, 1]) score(`G ${lv} x (G / median G)^${alpha}`, (i) => G.map((g) => rule(parts[i].train) * (g / mG) ** alpha))
      // the geometric mean over items instead of the median
      const Gg = Array.from({ length: 13 }, (_, h) => Math.exp(avg(parts.map(({ train }, i) => Math.log(train[o + h] / lvThen[i])).filter(Number.isFinite))))
      for (const alpha of [0.5, 0.75, 1]) score(`G ${lv} x Ggeo^${alpha}`, (i) => Gg.map((g) => rule(parts[i].train) * g ** alpha))
    }
  }
}
console.log("windows:", Object.keys(VALIDATION_WINDOWS.jewelry).join(" "))
for (const [k, v] of Object.entries(out)) console.log(k.padEnd(72), v.join("  "))
