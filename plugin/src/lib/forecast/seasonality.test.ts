import { describe, expect, it } from "vitest"
import { classicalIndices, seasonalShrinkage, shrinkIndices } from "./seasonality"
import { forecasterFor } from "./zoo"

describe("shrinking a series' own seasonal indices by their noise", () => {
  it("keeps a season that repeats exactly", () => {
    const y = [1, 3, 1, 3, 1, 3, 1, 3, 1]
    const idx = classicalIndices(y, 2, "multiplicative")
    expect(idx).toEqual([0.5, 1.5])
    expect(seasonalShrinkage(y, 2, "multiplicative", idx)).toBe(1)
  })

  it("weighs a season by 1 - noise / spread (by hand, additive, m = 2)", () => {
    // detrended by the centred 2-period average: phase 0 is -1.5 three times, phase 1 is 1, 2, 1, 2.
    // Indices -1.5 / 1.5, spread 2.25; noise: phase 1's variance 1/3 over its 4 values = 1/12,
    // phase 0's 0, mean 1/24; weight 1 - (1/24) / 2.25 = 53/54
    const y = [0, 2, 0, 4, 0, 2, 0, 4, 0]
    const idx = classicalIndices(y, 2, "additive")
    expect(idx).toEqual([-1.5, 1.5])
    expect(seasonalShrinkage(y, 2, "additive", idx)).toBeCloseTo(53 / 54, 12)
  })

  it("drops a season that is smaller than its own noise", () => {
    // phase 0: 0.5, -0.5, 0.5 (mean 1/6, noise 1/9); phase 1: 0, 0, 0, 0; indices +-1/12, spread 1/144
    const y = [0, 1, 2, 1, 0, 1, 2, 1, 0]
    const idx = classicalIndices(y, 2, "additive")
    expect(seasonalShrinkage(y, 2, "additive", idx)).toBe(0)
    expect(shrinkIndices(idx, "additive", 0).map(Math.abs)).toEqual([0, 0])
  })

  it("moves multiplicative indices toward 1 and keeps their mean at 1", () => {
    const s = shrinkIndices([0.5, 1.5, 1], "multiplicative", 0.5)
    expect(s).toEqual([0.75, 1.25, 1])
  })

  it("the seasonal adjustment forecasts the shrunk season", () => {
    // monthly, 8 years; a summer peak whose size differs a lot from year to year: a real season
    // (it passes the seasonality test), but a noisy one, so its weight lies strictly between 0 and 1
    const y = [0.2, 1.8, 0.5, 1.5, 1, 0.4, 1.6, 1].flatMap((amp) => Array.from({ length: 12 }, (_, i) => 100 * (1 + 0.3 * amp * Math.sin((2 * Math.PI * i) / 12))))
    const raw = classicalIndices(y, 12, "multiplicative")
    const w = seasonalShrinkage(y, 12, "multiplicative", raw)
    expect(w).toBeGreaterThan(0)
    expect(w).toBeLessThan(0.99)
    const f = forecasterFor("ses")
    const state = f.fit(y, { season: 12 }) as unknown as { indices: number[] }
    expect(state.indices).toHaveLength(12)
    state.indices.forEach((v, i) => expect(v).toBeCloseTo(1 + w * (raw[i] - 1), 12))
  })
})
