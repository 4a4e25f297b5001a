/**
 * Carparts: does a safety stock built on the engine's lead-time demand quantiles deliver the cycle
 * service level it promises? Each series is selected and fitted on the months before the first
 * review, then walks forward with the O(1) update, as the plugin does between refits; at each
 * review the order-up-to level is the cumulative demand quantile over lead time plus review
 * period (`DemandQuantiles.cumulative`, what the inventory policy reads) at the target. The series
 * are forecast together, as the plugin forecasts a store's variants: their errors pooled.
 */
import { demandQuantiles, forecasterFor, forecastMany, normalQuantile, QUANTILE_LEVELS, shippedConfig } from "../../../plugin/src/lib/forecast"
import { simulateOrderUpTo, type PolicyOutcome } from "./order-up-to"

export const TARGETS = [0.9, 0.95, 0.99]

export type PolicyResult = { target: number; csl: number; meanStock: number; cycles: number }

function tally(outcomes: PolicyOutcome[], target: number): PolicyResult {
  const cycles = outcomes.reduce((s, o) => s + o.cycles, 0)
  const outs = outcomes.reduce((s, o) => s + o.stockOutCycles, 0)
  const stock = outcomes.reduce((s, o) => s + o.stockSum, 0)
  const periods = outcomes.reduce((s, o) => s + o.stockPeriods, 0)
  return { target, csl: 1 - outs / cycles, meanStock: stock / periods, cycles }
}

/** Reviews run from `firstReview` to the end; protection interval = review period 1 + lead time. */
export function carpartsPolicy(series: readonly (readonly number[])[], firstReview: number, leadTime: number) {
  const protection = leadTime + 1
  const config = shippedConfig({ horizon: protection, season: 1 })
  const forecasts = forecastMany(series.map((y) => ({ values: y.slice(0, firstReview), config })))
  const levelIndex = TARGETS.map((p) => QUANTILE_LEVELS.findIndex((l) => Math.abs(l - p) < 1e-9))
  const ours: PolicyOutcome[][] = TARGETS.map(() => [])
  const croston: PolicyOutcome[][] = TARGETS.map(() => [])
  const chosen: Record<string, number> = {}
  series.forEach((y, n) => {
    const history = y.slice(0, firstReview)
    const f = forecasts[n]
    chosen[f.model] = (chosen[f.model] ?? 0) + 1
    const model = forecasterFor(f.state.model)
    // Croston baseline: the textbook normal policy, sigma from its one-step in-sample errors
    const cf = forecasterFor("croston")
    let cs = cf.fit([], { season: 1 })
    let sq = 0
    let nErr = 0
    let seen = false
    for (const v of history) {
      // Croston has no forecast before the first demand; errors count from then on
      if (seen) {
        sq += (v - cf.predict(cs, 1)[0]) ** 2
        nErr++
      }
      seen ||= v > 0
      cs = cf.update(cs, v)
    }
    const sigma = nErr ? Math.sqrt(sq / nErr) : 0
    const levels: number[][] = TARGETS.map(() => [])
    const crostonLevels: number[][] = TARGETS.map(() => [])
    let state = f.state
    for (let t = firstReview; t < y.length; t++) {
      const mean = model.predict(state, protection).map((v) => Math.max(0, v))
      const total = demandQuantiles(mean, f.profile, f.intermittent).cumulative[protection - 1]
      const c = cf.predict(cs, 1)[0] * protection
      TARGETS.forEach((p, i) => {
        levels[i].push(total[levelIndex[i]])
        crostonLevels[i].push(Math.max(0, c + normalQuantile(p) * sigma * Math.sqrt(protection)))
      })
      state = model.update(state, y[t])
      cs = cf.update(cs, y[t])
    }
    TARGETS.forEach((_, i) => {
      ours[i].push(simulateOrderUpTo(y, firstReview, levels[i], leadTime))
      croston[i].push(simulateOrderUpTo(y, firstReview, crostonLevels[i], leadTime))
    })
  })
  const oursR = TARGETS.map((p, i) => tally(ours[i], p))
  const crostonR = TARGETS.map((p, i) => tally(croston[i], p))
  const gap = Math.max(...oursR.map((r) => Math.abs(r.csl - r.target))) * 100
  const crostonGap = Math.max(...crostonR.map((r) => Math.abs(r.csl - r.target))) * 100
  return { ours: oursR, croston: crostonR, gapPts: gap, crostonGapPts: crostonGap, chosen }
}
