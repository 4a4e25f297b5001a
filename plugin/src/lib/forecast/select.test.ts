import { describe, expect, it } from "vitest"
import { forecastSeries } from "./forecast-series"
import { forecasterFor } from "./zoo"

// a fixed pseudo-random stream, so the tests see the same series every run
function lcg(seed: number) {
  let s = seed
  return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648)
}

describe("model selection by rolling-origin backtest", () => {
  it("picks a seasonal model on a seasonal series", () => {
    const r = lcg(1)
    const week = [10, 30, 14, 12, 40, 60, 8]
    const y = Array.from({ length: 200 }, (_, t) => week[t % 7] + 4 * (r() - 0.5))
    const f = forecastSeries(y, { horizon: 14, season: 7 })
    expect(f.seasonal).toBe(true)
    expect(f.intermittent).toBe(false)
    // and the forecast has the week's shape: Saturday above Sunday
    expect(f.mean[(5 - (200 % 7) + 7) % 7]).toBeGreaterThan(f.mean[(6 - (200 % 7) + 7) % 7] + 20)
  })

  it("picks a non-seasonal model when there is no season", () => {
    const r = lcg(2)
    const y = Array.from({ length: 200 }, () => 50 + 10 * (r() - 0.5))
    const f = forecastSeries(y, { horizon: 14, season: 7 })
    expect(f.seasonal).toBe(false)
  })

  it("picks an intermittent model on an intermittent series", () => {
    const r = lcg(3)
    const y = Array.from({ length: 300 }, () => (r() < 0.15 ? 1 + Math.floor(3 * r()) : 0))
    const f = forecastSeries(y, { horizon: 7, season: 7 })
    expect(f.intermittent).toBe(true)
    const members = f.model === "combination" ? f.members : [f.model]
    for (const m of members) expect(forecasterFor(m).family).toBe("intermittent")
  })

  it("reports the backtest accuracy with the forecast, and intervals that widen with the noise", () => {
    const r = lcg(4)
    const calm = Array.from({ length: 150 }, () => 100 + 2 * (r() - 0.5))
    const wild = Array.from({ length: 150 }, () => 100 + 60 * (r() - 0.5))
    const a = forecastSeries(calm, { horizon: 5, season: 1 })
    const b = forecastSeries(wild, { horizon: 5, season: 1 })
    expect(a.accuracy.pairs).toBeGreaterThan(100)
    expect(a.accuracy.mase).toBeLessThan(1)
    expect(Math.abs(a.accuracy.bias)).toBeLessThan(0.01)
    const width = (f: typeof a) => f.quantiles.find((q) => q.p === 0.975)!.values[0] - f.quantiles.find((q) => q.p === 0.025)!.values[0]
    expect(width(b)).toBeGreaterThan(10 * width(a))
    // a uniform +-30 noise: the 95% interval is about 57 wide
    expect(width(b)).toBeGreaterThan(40)
    expect(width(b)).toBeLessThan(80)
    expect(b.accuracy.coverage95).toBeGreaterThan(0.85)
  })
})
