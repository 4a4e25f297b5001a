/** Exploration (training data only): pizza point-forecast rules at the validation window and rolling origins. */
import { catalogueLevelPath, forecastSeries, mase, SMOOTH_POOL, sharedSeasonalProfile } from "../../../plugin/src/lib/forecast"
import { holdOut, pizzaDaily } from "../forecast/data"
import { FROZEN } from "../forecast/frozen"

const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
const train0 = pizzaDaily().map((s) => holdOut(s.values, 28).train) // the test is cut off first
type Rule = (y: number[], all: number[][], prof: number[]) => number[]
const H = 28
const shaped = (level: number, n: number, prof: number[]) => Array.from({ length: H }, (_, k) => level * prof[(n + k) % 7])
const total = (all: number[][], n: number) => Array.from({ length: n }, (_, t) => all.reduce((s, y) => s + y[t], 0))
const deseason = (y: number[], prof: number[]) => y.map((v, t) => v / prof[t % 7])
const rules: Record<string, Rule> = {
  engine: (y, _a, prof) => forecastSeries(y, { ...FROZEN.pizza, sharedProfile: prof }).mean,
  engine_cs_only: (y, all, prof) => forecastSeries(y, { ...FROZEN.pizza, sharedProfile: prof, catalogueLevel: catalogueLevelPath(all, 7), candidates: ["catalogue_share"] }).mean,
  engine_cs_core: (y, all, prof) => forecastSeries(y, { ...FROZEN.pizza, sharedProfile: prof, catalogueLevel: catalogueLevelPath(all, 7), candidates: [...SMOOTH_POOL, "catalogue_share"], core: ["catalogue_share"] }).mean,
  engine_cs_core_e3: (y, all, prof) => forecastSeries(y, { ...FROZEN.pizza, sharedProfile: prof, catalogueLevel: catalogueLevelPath(all, 7), candidates: [...SMOOTH_POOL, "catalogue_share"], core: ["catalogue_share"], evidence: 3 }).mean,
  shaped_mean: (y, _a, prof) => shaped(avg(deseason(y, prof)), y.length, prof),
}
for (const W of [14, 21, 28, 35, 42, 56, 91]) {
  rules[`topdown_share_all_store${W}`] = (y, all, prof) => {
    const tot = total(all, y.length)
    const share = avg(y) / avg(tot)
    return shaped(share * avg(deseason(tot, prof).slice(-W)), y.length, prof)
  }
}
for (const W of [56, 91]) for (const S of [91, 182]) {
  rules[`topdown_share${S}_store${W}`] = (y, all, prof) => {
    const tot = total(all, y.length)
    const share = avg(y.slice(-S)) / avg(tot.slice(-S))
    return shaped(share * avg(deseason(tot, prof).slice(-W)), y.length, prof)
  }
}
rules["topdown_ses_store"] = (y, all, prof) => {
  const tot = deseason(total(all, y.length), prof)
  let l = avg(tot.slice(0, 28)); for (const v of tot) l += 0.1 * (v - l)
  return shaped((avg(y) / avg(total(all, y.length))) * l, y.length, prof)
}
rules["sesxcat28"] = (y, all, prof) => { const a = rules.engine(y, all, prof); const tot = deseason(total(all, y.length), prof); const f = avg(tot.slice(-28)) / avg(tot); return a.map((v) => v * f) }
for (const P of [91, 182]) {
  rules[`topdown28_profile${P}`] = (y, all, _prof) => {
    const n = y.length
    // the week's shape of the store's last P days, phases kept aligned with t = 0
    const start = n - P - ((n - P) % 7)
    const prof = sharedSeasonalProfile(all.map((s) => s.slice(start)), 7)
    const tot = total(all, n)
    const share = avg(y) / avg(tot)
    return shaped(share * avg(deseason(tot, prof).slice(-28)), n, prof)
  }
}
rules["half(engine,topdown_all_56)"] = (y, all, prof) => { const a = rules.engine(y, all, prof); const b = rules.topdown_share_all_store56(y, all, prof); return a.map((v, k) => (v + b[k]) / 2) }
const origins = process.argv[2] === "rolling" ? Array.from({ length: 9 }, (_, i) => 197 + 14 * i) : [train0[0].length - 28]
const res: Record<string, number[]> = {}
for (const o of origins) {
  const trains = train0.map((y) => y.slice(0, o))
  const prof = sharedSeasonalProfile(trains, 7)
  for (const [name, rule] of Object.entries(rules)) {
    const ms = trains.map((tr, i) => mase(train0[i].slice(o, o + H), rule(tr, trains, prof).map((v) => Math.max(0, v)), tr, 7)).filter(Number.isFinite)
    ;(res[name] ??= []).push(avg(ms))
  }
}
for (const [k, v] of Object.entries(res)) console.log(k.padEnd(32), avg(v).toFixed(4), v.map((x) => x.toFixed(3)).join(" "))
