/** Exploration (validation only): point-forecast rules on jewelry's four training quarters. */
import { forecasterFor, mase } from "../../../plugin/src/lib/forecast"
import { holdOut, namedSeries } from "../forecast/data"
import { VALIDATION_WINDOWS } from "../forecast/frozen"

const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
const med = (xs: number[]) => { const s = xs.slice().sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2 }
const ses = (y: number[]) => { const f = forecasterFor("ses"); return f.predict(f.fit(y, { season: 1 }), 1)[0] }
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
  "median6": (y) => med(y.slice(-6)),
}
const series = namedSeries("jewelry.csv.gz").map((s) => holdOut(s.values, 13).train)
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
for (const [k, v] of Object.entries(out)) console.log(k.padEnd(26), v.join("  "))
