/** Exploration (training data only), session 10: pizza's catalogue_share with a robust store level or a week's shape per SKU group. */
import { catalogueLevelPath, forecastSeries, mase, sharedSeasonalProfile } from "../../../plugin/src/lib/forecast"
import { classicalIndices, seasonalShrinkage } from "../../../plugin/src/lib/forecast/seasonality"
import { holdOut, pizzaDaily, readCsvGz } from "../forecast/data"
import { FROZEN } from "../forecast/frozen"

const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
const med = (xs: number[]) => { const s = xs.slice().sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2 }
const skus = pizzaDaily()
const train0 = skus.map((s) => holdOut(s.values, 28).train) // the test is cut off first
const info = new Map(readCsvGz("pizza_pizzas.csv.gz").map((r) => [r.pizza_id, r]))
const sizeOf = skus.map((s) => info.get(s.id)?.size ?? "?")
const typeOf = skus.map((s) => info.get(s.id)?.pizza_type_id ?? "?")
const H = 28
const total = (all: number[][], n: number) => Array.from({ length: n }, (_, t) => all.reduce((s, y) => s + y[t], 0))
// catalogue_share by hand: the SKU's whole-history mean of its deseasonalised days x the store's level x the week's shape
const cs = (y: number[], prof: number[], level: number) => { const m = avg(y.map((v, t) => v / prof[t % 7])); return Array.from({ length: H }, (_, k) => m * level * prof[(y.length + k) % 7]) }
const weekSums = (adj: number[]) => { const w: number[] = []; for (let e = adj.length; e - 7 >= 0; e -= 7) w.unshift(adj.slice(e - 7, e).reduce((a, b) => a + b, 0)); return w }
type Ctx = { all: number[][]; prof: number[]; adj: number[]; level: number }
type Rule = (y: number[], i: number, c: Ctx) => number[]
const rules: Record<string, Rule> = {
  engine: (y, _i, c) => forecastSeries(y, { ...FROZEN.pizza, sharedProfile: c.prof, catalogueLevel: catalogueLevelPath(c.all, 7) }).mean,
  cs_by_hand: (y, _i, c) => cs(y, c.prof, c.level),
}
for (const W of [4, 6, 8]) {
  rules[`level median${W}wk / mean week`] = (y, _i, c) => { const w = weekSums(c.adj); return cs(y, c.prof, med(w.slice(-W)) / avg(w)) }
  rules[`level median${W}wk / median week`] = (y, _i, c) => { const w = weekSums(c.adj); return cs(y, c.prof, med(w.slice(-W)) / med(w)) }
}
rules["level median28d / median day"] = (y, _i, c) => cs(y, c.prof, med(c.adj.slice(-28)) / med(c.adj))
rules["level trimmed 4 of 6wk / mean week"] = (y, _i, c) => { const w = weekSums(c.adj).slice(-6).sort((a, b) => a - b).slice(1, 5); return cs(y, c.prof, avg(w) / avg(weekSums(c.adj))) }
// the week's shape per group of SKUs (size, pizza type), raw or shrunk toward the store's by its noise
const groupProf = (key: string[], shrink: "none" | "half" | "js") => (y: number[], i: number, c: Ctx) => {
  const members = c.all.filter((_, j) => key[j] === key[i])
  const tot = total(members, y.length)
  const g = classicalIndices(tot, 7, "multiplicative")
  if (!(g.length === 7 && g.every((v) => v > 0))) return cs(y, c.prof, c.level)
  const rel = g.map((v, p) => v / c.prof[p])
  const w = shrink === "none" ? 1 : shrink === "half" ? 0.5 : seasonalShrinkage(tot, 7, "multiplicative", rel)
  const prof = c.prof.map((s, p) => s * (1 + w * (rel[p] - 1)))
  return cs(y, prof, c.level)
}
for (const [name, key] of [["size", sizeOf], ["type", typeOf]] as const) for (const s of ["none", "half", "js"] as const) rules[`profile per ${name} ${s}`] = groupProf(key as string[], s)
// the catalogue level of the SKU's group (size, pizza type) instead of the store's, or the mean of both
const groupLevel = (key: string[], mix: number) => (y: number[], i: number, c: Ctx) => {
  const members = c.all.filter((_, j) => key[j] === key[i])
  const lv = catalogueLevelPath(members, 7)[y.length - 1]
  return cs(y, c.prof, mix * lv + (1 - mix) * c.level)
}
for (const [name, key] of [["size", sizeOf], ["type", typeOf]] as const) for (const mix of [1, 0.5]) rules[`level per ${name} x${mix}`] = groupLevel(key as string[], mix)
// both: the size group's level and its week's shape shrunk toward the store's (James-Stein)
rules["level + profile per size js"] = (y, i, c) => {
  const members = c.all.filter((_, j) => sizeOf[j] === sizeOf[i])
  const lv = catalogueLevelPath(members, 7)[y.length - 1]
  const tot = total(members, y.length)
  const g = classicalIndices(tot, 7, "multiplicative")
  const rel = g.map((v, p) => v / c.prof[p])
  const w = seasonalShrinkage(tot, 7, "multiplicative", rel)
  return cs(y, c.prof.map((s, p) => s * (1 + w * (rel[p] - 1))), lv)
}
const mode = process.argv[2] ?? "validation"
const origins = mode === "rolling" ? Array.from({ length: 9 }, (_, i) => 197 + 14 * i) : [train0[0].length - 28]
console.log("sizes", [...new Set(sizeOf)].join(","), "types", new Set(typeOf).size, "origins", origins.join(","))
const res: Record<string, number[]> = {}
const per: Record<string, number[]> = {}
for (const o of origins) {
  const all = train0.map((y) => y.slice(0, o))
  const prof = sharedSeasonalProfile(all, 7)
  const tot = total(all, o)
  const adj = tot.map((v, t) => v / prof[t % 7])
  const level = catalogueLevelPath(all, 7)[o - 1]
  const c = { all, prof, adj, level }
  for (const [name, rule] of Object.entries(rules)) {
    if (name === "engine" && mode === "rolling" && process.argv[3] !== "engine") continue
    const ms = all.map((tr, i) => mase(train0[i].slice(o, o + H), rule(tr, i, c).map((v) => Math.max(0, v)), tr, 7))
    ;(res[name] ??= []).push(avg(ms.filter(Number.isFinite)))
    ;(per[name] ??= []).push(...ms)
  }
}
// paired against catalogue_share as it is: mean per-SKU-and-origin difference over its standard error
const se = (name: string) => { const d = per[name].map((v, j) => v - per.cs_by_hand[j]).filter(Number.isFinite); const m = avg(d); return `${m >= 0 ? "+" : ""}${m.toFixed(4)} (${(m / Math.sqrt(avg(d.map((x) => (x - m) ** 2)) / d.length)).toFixed(1)} SE)` }
for (const [k, v] of Object.entries(res)) console.log(k.padEnd(36), avg(v).toFixed(4), se(k).padEnd(18), v.map((x) => x.toFixed(3)).join(" "))
