import { describe, expect, it } from "vitest"
import { forecastSeries } from "./forecast-series"
import { leadTimeDemand } from "./lead-time-demand"
import { forecasterFor, INTERMITTENT_POOL } from "./zoo"
import { normalQuantile, predictiveQuantileSorted, quantileSorted, studentQuantile } from "./stats"

// a fixed pseudo-random stream, so the tests see the same series every run
function lcg(seed: number) {
  let s = seed
  return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648)
}
/** standard normal draws (Box-Muller) */
function gauss(r: () => number) {
  return () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r())
}
const at = (f: { quantiles: { p: number; values: number[] }[] }, p: number) => f.quantiles.find((q) => Math.abs(q.p - p) < 1e-9)!.values

describe("small-sample quantiles", () => {
  it("Student's t equals R's qt", () => {
    // qt(0.975, c(3, 5, 12, 29)), qt(0.995, 12), qt(0.9, 1), qt(0.99, 2)
    expect(studentQuantile(0.975, 3)).toBeCloseTo(3.182446, 2)
    expect(studentQuantile(0.975, 5)).toBeCloseTo(2.570582, 3)
    expect(studentQuantile(0.975, 12)).toBeCloseTo(2.178813, 4)
    expect(studentQuantile(0.975, 29)).toBeCloseTo(2.04523, 4)
    expect(studentQuantile(0.995, 12)).toBeCloseTo(3.054540, 3)
    expect(studentQuantile(0.9, 1)).toBeCloseTo(3.077684, 6)
    expect(studentQuantile(0.99, 2)).toBeCloseTo(6.964557, 6)
    expect(studentQuantile(0.025, 12)).toBeCloseTo(-2.178813, 4)
  })

  it("the predictive quantile's 2.5-97.5% range holds a new draw 95% of the time, type 7's does not", () => {
    // 39 draws: a new one falls between the sample's extremes with probability 38/40 = 95%, and
    // type 6 reads the 2.5% and 97.5% points at exactly those extremes
    const r = gauss(lcg(11))
    let inside6 = 0
    let inside7 = 0
    const trials = 4000
    for (let i = 0; i < trials; i++) {
      const s = Array.from({ length: 39 }, r).sort((a, b) => a - b)
      const next = r()
      if (next >= predictiveQuantileSorted(s, 0.025) && next <= predictiveQuantileSorted(s, 0.975)) inside6++
      if (next >= quantileSorted(s, 0.025) && next <= quantileSorted(s, 0.975)) inside7++
    }
    expect(inside6 / trials).toBeGreaterThan(0.935)
    expect(inside6 / trials).toBeLessThan(0.965)
    expect(inside7 / trials).toBeLessThan(inside6 / trials - 0.02)
  })
})

describe("intervals that hold what they promise", () => {
  it("on level-plus-noise data the 95% interval covers about 95% of what follows", () => {
    // the true quantiles are known: level 50, normal noise sd 6; each series is forecast from its
    // history and scored on 10 fresh periods
    const r = gauss(lcg(21))
    let inside = 0
    let inside80 = 0
    let pairs = 0
    for (let i = 0; i < 60; i++) {
      const y = Array.from({ length: 130 }, () => 50 + 6 * r())
      const f = forecastSeries(y.slice(0, 120), { horizon: 10, season: 1 })
      const lo = at(f, 0.025)
      const hi = at(f, 0.975)
      const lo80 = at(f, 0.1)
      const hi80 = at(f, 0.9)
      y.slice(120).forEach((a, k) => {
        pairs++
        if (a >= lo[k] && a <= hi[k]) inside++
        if (a >= lo80[k] && a <= hi80[k]) inside80++
      })
    }
    expect(inside / pairs).toBeGreaterThan(0.92)
    expect(inside / pairs).toBeLessThan(0.985)
    expect(inside80 / pairs).toBeGreaterThan(0.74)
    expect(inside80 / pairs).toBeLessThan(0.88)
  })
})

describe("intermittent items after a quiet spell", () => {
  const r = lcg(41)
  // sells about every third month, then six quiet months at the end
  const y = [...Array.from({ length: 40 }, () => (r() < 0.33 ? 1 + Math.floor(3 * r()) : 0)), 0, 0, 0, 0, 0, 0]

  it("no model of their pool forecasts exactly zero for an item that has sold", () => {
    for (const name of INTERMITTENT_POOL) {
      const f = forecasterFor(name)
      expect(f.predict(f.fit(y, { season: 1 }), 2)[0], name).toBeGreaterThan(0.05)
    }
  })

  it("so their lead-time demand is not a point at zero", () => {
    const f = forecastSeries(y, { horizon: 2, season: 1 })
    expect(f.intermittent).toBe(true)
    expect(leadTimeDemand(f.mean, f.profile, 2, true).quantile(0.95)).toBeGreaterThanOrEqual(2)
  })
})

it("normalQuantile stays the large-sample limit of the t", () => {
  expect(studentQuantile(0.975, 1e6)).toBeCloseTo(normalQuantile(0.975), 5)
})
