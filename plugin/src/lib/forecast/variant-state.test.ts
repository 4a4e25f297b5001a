import { describe, expect, it } from "vitest"
import { forecastSeries } from "./forecast-series"
import { forecastFromState, toVariantState, updateForecast } from "./variant-state"

describe("per-variant state between refits", () => {
  const week = [4, 6, 5, 7, 12, 15, 3]
  const y = Array.from({ length: 730 }, (_, t) => week[t % 7] + ((t * 7919) % 5) - 2)

  it("survives JSON and folds in a day in well under a millisecond", () => {
    const f = forecastSeries(y, { horizon: 28, season: 7, extraSeasons: [365] })
    let s = JSON.parse(JSON.stringify(toVariantState(f)))
    expect(forecastFromState(s, 28).mean).toEqual(f.mean)
    const times: number[] = []
    for (let i = 0; i < 2000; i++) {
      const t0 = performance.now()
      s = updateForecast(s, week[i % 7])
      times.push(performance.now() - t0)
    }
    times.sort((a, b) => a - b)
    expect(times[1000]).toBeLessThan(1)
    expect(s.updates).toBe(2000)
    expect(s.live.pairs).toBe(2000)
    expect(forecastFromState(s, 7).mean.every((v: number) => Number.isFinite(v))).toBe(true)
  })

  it("a stock-out day does not drag the forecast down", () => {
    const f = forecastSeries(y, { horizon: 7, season: 7 })
    const s = toVariantState(f)
    const before = forecastFromState(s, 7).mean.reduce((a, b) => a + b, 0)
    const out = forecastFromState(updateForecast(s, 0, false), 7).mean.reduce((a, b) => a + b, 0)
    const zero = forecastFromState(updateForecast(s, 0, true), 7).mean.reduce((a, b) => a + b, 0)
    expect(out).toBeGreaterThanOrEqual(before - 1e-9)
    expect(zero).toBeLessThan(out)
    expect(updateForecast(s, 0, false).live.pairs).toBe(0)
  })
})
