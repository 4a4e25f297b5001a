/**
 * Exploration (validation only): the core combination's members weighted by their own backtest
 * (inverse MAE / MSE, overall or per horizon) instead of equally, where the core stands.
 * M3_EARLIER=18 for the earlier window. Prints each scheme against the frozen configuration.
 */
import { forecastSeries, smape } from "../../../plugin/src/lib/forecast"
import { planBacktest, rollingOrigin } from "../../../plugin/src/lib/forecast/backtest"
import { fitContext } from "../../../plugin/src/lib/forecast/select"
import { forecasterFor } from "../../../plugin/src/lib/forecast/zoo"
import { holdOut, m3Monthly } from "../forecast/data"
import { FROZEN } from "../forecast/frozen"

const earlier = Number(process.env.M3_EARLIER ?? 0)
const extra: string[] = process.argv.slice(2)
const series = m3Monthly()
  .filter((s) => s.train.length - earlier - 18 >= 30)
  .map((s) => holdOut(s.train.slice(0, s.train.length - earlier), 18)) // s.test is never read
const schemes: Record<string, number[]> = {}
const add = (k: string, v: number) => (schemes[k] ??= []).push(v)
const H = 18
for (const { train, test } of series) {
  const cfg = { ...FROZEN.m3, core: [...FROZEN.m3.core, ...extra], candidates: [...FROZEN.m3.candidates, ...extra] }
  const f = forecastSeries(train, cfg)
  const base = smape(test, f.mean)
  add("frozen", smape(test, forecastSeries(train, FROZEN.m3).mean))
  add("config", base)
  if (f.model !== "combination" || f.members.join() !== cfg.core.join()) {
    for (const k of ["inv_mae", "inv_mse", "inv_mse_h", "inv_mae_h", "drop_worst", "inv_mse_sqrt"]) add(k, base)
    continue
  }
  const ctx = fitContext(cfg)
  const plan = planBacktest(train.length, H, ctx.season)!
  const members = f.members
  const fc = members.map((m) => forecasterFor(m).predict(forecasterFor(m).fit(train, ctx), H).map((v) => Math.max(0, v)))
  const errH = members.map((m) => {
    const run = rollingOrigin(train, forecasterFor(m), ctx, plan)
    const ae = new Array(H).fill(0), se = new Array(H).fill(0), n = new Array(H).fill(0)
    run.origins.forEach((o, i) => run.forecasts[i].forEach((v, k) => { const e = train[o + k] - v; ae[k] += Math.abs(e); se[k] += e * e; n[k]++ }))
    return { ae, se, n }
  })
  const tot = (xs: number[], ns: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, ns.reduce((a, b) => a + b, 0))
  const comb = (w: number[][]) => Array.from({ length: H }, (_, k) => {
    const s = w.reduce((a, wi) => a + wi[k], 0)
    return w.reduce((a, wi, i) => a + (wi[k] / s) * fc[i][k], 0)
  })
  const flat = (w: number[]) => members.map((_, i) => new Array(H).fill(w[i]))
  const mae = errH.map((e) => tot(e.ae, e.n))
  const mse = errH.map((e) => tot(e.se, e.n))
  const eps = (xs: number[]) => xs.map((v) => Math.max(v, 1e-9 * (1 + Math.max(...xs))))
  add("inv_mae", smape(test, comb(flat(eps(mae).map((v) => 1 / v)))))
  add("inv_mse", smape(test, comb(flat(eps(mse).map((v) => 1 / v)))))
  add("inv_mse_sqrt", smape(test, comb(flat(eps(mse).map((v) => 1 / Math.sqrt(v))))))
  // per horizon, the last backtest horizon's errors beyond where fewer than 3 origins reach
  const perH = (key: "ae" | "se") => members.map((_, i) => Array.from({ length: H }, (_, k) => {
    let kk = k
    while (kk > 0 && errH[i].n[kk] < 3) kk--
    return 1 / Math.max(1e-12, errH[i][key][kk] / Math.max(1, errH[i].n[kk]))
  }))
  add("inv_mse_h", smape(test, comb(perH("se"))))
  add("inv_mae_h", smape(test, comb(perH("ae"))))
  const worst = mae.indexOf(Math.max(...mae))
  add("drop_worst", smape(test, comb(flat(mae.map((_, i) => (i === worst ? 0 : 1))))))
}
const n = series.length
const avg = (xs: number[]) => xs.reduce((s, v) => s + v, 0) / xs.length
const b = schemes.frozen
for (const [k, sc] of Object.entries(schemes)) {
  const d = sc.map((v, j) => v - b[j])
  const mu = avg(d)
  const se = Math.sqrt(d.reduce((s, v) => s + (v - mu) ** 2, 0) / (n - 1) / n)
  console.log(`${k.padEnd(14)} ${avg(sc).toFixed(4)}  d ${mu.toFixed(4)} (${(mu / se).toFixed(2)} SE)`)
}
