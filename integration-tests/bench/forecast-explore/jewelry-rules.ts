/** Exploration (validation only): point-forecast rules on jewelry's four training quarters. */
import { forecasterFor, mase } from "../../../plugin/src/lib/forecast"
import { holdOut, namedSeries } from "../forecast/data"
import { VALIDATION_WINDOWS } from "../forecast/frozen"

const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
const med = (xs: number[]) => { const s = xs.slice().sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2 }
const ses = (y: number[]) => { const f = forecasterFor("ses"); return f.predict(f.fit(y, { season: 1 }), 1)[0] }
const series = namedSeries("jewelry.csv.gz").map((s) => holdOut(s.values, 13).train)
console.log("lengths", [...new Set(series.map((y) => y.length))].join(","), "NaN", series.filter((y) => y.some((v) => !Number.isFinite(v))).length)
let catalog: number[][] = []
const tot = (t0: number, t1: number) => catalog.reduce((s, y) => { for (let t = Math.max(0, t0); t < t1; t++) s += Number.isFinite(y[t]) ? y[t] : 0; return s }, 0)
// the catalogue's next 13 weeks a year ago over its 13 weeks before them, 1 where there is no year before
const yearRatio = (n: number) => (n - 52 - 13 >= 0 ? tot(n - 52, n - 39) / tot(n - 65, n - 52) : 1)
const show: string[] = []
// the catalogue's median week of the last k
const catMed = (n: number, k: number) => med(Array.from({ length: k }, (_, i) => tot(n - k + i, n - k + i + 1)))
// per series, the rule whose 13-week forecasts did best at the same time of year a year earlier
// (origins within 13 weeks of the phase), the median of 13 unless another beats it by `margin`
const base: Record<string, (y: number[]) => number> = {
  median13: (y) => med(y.slice(-13)),
  mean4: (y) => avg(y.slice(-4)),
  naive: (y) => y[y.length - 1],
  median26: (y) => med(y.slice(-26)),
  ses: (y) => { const f = forecasterFor("ses"); return f.predict(f.fit(y, { season: 1 }), 1)[0] },
}
const seasonalPick = (margin: number, names: string[]) => (y: number[]) => {
  const n = y.length
  const loss: Record<string, number> = {}
  for (const name of names) {
    let s = 0, c = 0
    for (let o = n - 52 - 13; o <= n - 52 + 13; o++) {
      if (o < 13 || o + 13 > n) continue
      const f = base[name](y.slice(0, o))
      for (let k = 0; k < 13; k++) { s += Math.abs(y[o + k] - f); c++ }
    }
    loss[name] = c ? s / c : Infinity
  }
  let best = "median13"
  for (const name of names) if (loss[name] < loss[best] * (1 - margin)) best = name
  return base[best](y)
}
const rules: Record<string, (y: number[]) => number> = {
  median13: (y) => med(y.slice(-13)),
  naive: (y) => y[y.length - 1],
  mean4: (y) => avg(y.slice(-4)),
  ses,
  median8: (y) => med(y.slice(-8)),
  median26: (y) => med(y.slice(-26)),
  "med13+naive": (y) => (med(y.slice(-13)) + y[y.length - 1]) / 2,
  "med13+mean4": (y) => (med(y.slice(-13)) + avg(y.slice(-4))) / 2,
  "med13+med4": (y) => (med(y.slice(-13)) + med(y.slice(-4))) / 2,
  "med13+ses": (y) => (med(y.slice(-13)) + ses(y)) / 2,
  "med(med13,naive,mean4)": (y) => med([med(y.slice(-13)), y[y.length - 1], avg(y.slice(-4))]),
  "med(med13,ses,mean4)": (y) => med([med(y.slice(-13)), ses(y), avg(y.slice(-4))]),
  "med13x0.75+naive": (y) => 0.75 * med(y.slice(-13)) + 0.25 * y[y.length - 1],
  "median4": (y) => med(y.slice(-4)),
  "pick0(med13,mean4,naive)": seasonalPick(0, ["median13", "mean4", "naive"]),
  "pick0.1(med13,mean4,naive)": seasonalPick(0.1, ["median13", "mean4", "naive"]),
  "pick0(med13,mean4,ses,med26)": seasonalPick(0, ["median13", "mean4", "ses", "median26"]),
  "pick0.1(all5)": seasonalPick(0.1, ["median13", "mean4", "ses", "median26", "naive"]),
  "share26*catmed13": (y) => { const n = y.length; return (y.slice(-26).reduce((a, b) => a + b, 0) / tot(n - 26, n)) * catMed(n, 13) },
  "share52*catmed13": (y) => { const n = y.length; return (y.slice(-52).reduce((a, b) => a + b, 0) / tot(n - 52, n)) * catMed(n, 13) },
  "share13*catmed13": (y) => { const n = y.length; return (y.slice(-13).reduce((a, b) => a + b, 0) / tot(n - 13, n)) * catMed(n, 13) },
  "share26*catmean4": (y) => { const n = y.length; return (y.slice(-26).reduce((a, b) => a + b, 0) / tot(n - 26, n)) * tot(n - 4, n) / 4 },
  "med13*yr": (y) => med(y.slice(-13)) * yearRatio(y.length),
  "med13*sqrt(yr)": (y) => med(y.slice(-13)) * Math.sqrt(yearRatio(y.length)),
  "mean13*yr": (y) => avg(y.slice(-13)) * yearRatio(y.length),
  "med26*yr": (y) => med(y.slice(-26)) * yearRatio(y.length),
  "median6": (y) => med(y.slice(-6)),
}
const out: Record<string, string[]> = {}
for (const [w, end] of Object.entries(VALIDATION_WINDOWS.jewelry)) {
  const parts = series.map((y) => holdOut(y.slice(0, y.length - end), 13))
  catalog = parts.map((p) => p.train)
  show.push(`${w}: n ${catalog[0].length} yearRatio ${yearRatio(catalog[0].length).toFixed(3)}`)
  const naiveM = parts.map(({ train, test }) => mase(test, test.map(() => train[train.length - 1]), train, 1))
  for (const [name, rule] of Object.entries(rules)) {
    const ms = parts.map(({ train, test }) => { const v = Math.max(0, rule(train)); return mase(test, test.map(() => v), train, 1) })
    const ok = ms.map((m, i) => [m, naiveM[i]]).filter(([m, n]) => Number.isFinite(m) && Number.isFinite(n))
    ;(out[name] ??= []).push(`${avg(ok.map((r) => r[0])).toFixed(3)}/${(ok.filter((r) => r[0] < r[1]).length / ms.length * 100).toFixed(0)}%`)
  }
}
console.log(show.join("; "))
console.log("windows:", Object.keys(VALIDATION_WINDOWS.jewelry).join(" "))
for (const [k, v] of Object.entries(out)) console.log(k.padEnd(26), v.join("  "))
