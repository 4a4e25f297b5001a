import { describe, expect, it } from "vitest"
import { forecastSeries } from "./forecast-series"
import { leadTimeDemand, negativeBinomialQuantile, poissonQuantile } from "./lead-time-demand"

describe("count distributions for intermittent lead-time demand", () => {
  it("Poisson quantiles by hand (mu = 2: P(X<=3) = 0.857, P(X<=4) = 0.947)", () => {
    expect(poissonQuantile(2, 0.9)).toBe(4)
    expect(poissonQuantile(2, 0.9, true)).toBe(3)
    expect(poissonQuantile(2, 0.95)).toBe(5)
    expect(poissonQuantile(0, 0.99)).toBe(0)
  })

  it("the negative binomial tends to the Poisson as dispersion vanishes, and is wider otherwise", () => {
    expect(negativeBinomialQuantile(2, 1e7, 0.9)).toBe(4)
    expect(negativeBinomialQuantile(2, 0.5, 0.99)).toBeGreaterThan(poissonQuantile(2, 0.99))
  })
})

describe("lead-time demand from the forecast's own errors", () => {
  function lcg(seed: number) {
    let s = seed
    return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648)
  }

  it("is narrower than the sum of daily upper bounds", () => {
    const r = lcg(9)
    const y = Array.from({ length: 400 }, () => 20 + 10 * (r() - 0.5) * 2)
    const L = 7
    const f = forecastSeries(y, { horizon: L, season: 1 })
    const ltd = leadTimeDemand(f.mean, f.profile, L, f.intermittent)
    const summedUpper = f.quantiles.find((q) => q.p === 0.975)!.values.reduce((a, b) => a + b, 0)
    expect(ltd.distribution).toBe("empirical")
    expect(ltd.mean).toBeCloseTo(140, -1)
    expect(ltd.quantile(0.975)).toBeGreaterThan(ltd.mean)
    expect(ltd.quantile(0.975)).toBeLessThan(summedUpper)
    // independent noise of sd 5.8 a day: the weekly total's 97.5% point is about 1.96 * 5.8 * sqrt(7) above
    expect(ltd.quantile(0.975) - ltd.mean).toBeGreaterThan(20)
    expect(ltd.quantile(0.975) - ltd.mean).toBeLessThan(45)
  })

  it("uses a count distribution for intermittent items", () => {
    const r = lcg(5)
    const y = Array.from({ length: 300 }, () => (r() < 0.1 ? 1 + Math.floor(4 * r()) : 0))
    const f = forecastSeries(y, { horizon: 14, season: 1 })
    const ltd = leadTimeDemand(f.mean, f.profile, 14, f.intermittent)
    expect(ltd.distribution).not.toBe("empirical")
    expect(Number.isInteger(ltd.quantile(0.95))).toBe(true)
    expect(ltd.quantile(0.99)).toBeGreaterThanOrEqual(ltd.quantile(0.9))
  })
})

describe("the count distribution's spread follows the level", () => {
  // a hand-made profile: the 1-period total's errors had MSE 10 at a forecast level of 4
  const profile = { probs: [0.5], byHorizon: [[0]], cumulative: [[0]], cumulativeMse: [10], cumulativeLevel: [4], samples: 20 }

  it("a quarter of the level: variance 10 x sqrt(1/4) = 5, negative binomial size 1 / (5 - 1)", () => {
    const ltd = leadTimeDemand([1], profile, 1, true)
    expect(ltd.distribution).toBe("negative-binomial")
    for (const p of [0.9, 0.95, 0.99]) expect(ltd.quantile(p)).toBe(negativeBinomialQuantile(1, 0.25, p, true))
  })

  it("states stored before the level was kept use the variance as measured", () => {
    const { cumulativeLevel: _, ...old } = profile
    expect(leadTimeDemand([1], old, 1, true).quantile(0.99)).toBe(negativeBinomialQuantile(1, 1 / 9, 0.99, true))
    expect(negativeBinomialQuantile(1, 1 / 9, 0.99, true)).toBeGreaterThan(negativeBinomialQuantile(1, 0.25, 0.99, true))
  })
})

describe("a new item with almost no history", () => {
  it("still gets a spread, so its safety stock is not zero", () => {
    const f = forecastSeries([5], { horizon: 7, season: 7 })
    expect(f.model).toBe("historic_average")
    expect(f.quantiles.find((q) => q.p === 0.975)!.values[6]).toBeGreaterThan(7)
    expect(leadTimeDemand(f.mean, f.profile, 7, f.intermittent).quantile(0.95)).toBeGreaterThan(35)
  })
})

describe("the count distribution's mean is moved by what the backtest's totals really were", () => {
  // the model forecast totals of 4 on average where 2 came: it ran twice ahead of the item
  const profile = { probs: [0.5], byHorizon: [[0]], cumulative: [[0]], cumulativeMse: [10], cumulativeLevel: [4], cumulativeActual: [2], samples: 20 }

  it("halves a forecast of 4, the spread kept at the forecast's level (variance 10, size 2² / (10 - 2))", () => {
    const ltd = leadTimeDemand([4], profile, 1, true)
    expect(ltd.mean).toBe(2)
    for (const p of [0.9, 0.95, 0.99]) expect(ltd.quantile(p)).toBe(negativeBinomialQuantile(2, 4 / 8, p, true))
    expect(ltd.quantile(0.9)).toBeLessThan(leadTimeDemand([4], { ...profile, cumulativeActual: [4] }, 1, true).quantile(0.9))
  })

  it("holds the ratio to 1/4..4: a backtest that saw nothing sold does not forecast zero", () => {
    expect(leadTimeDemand([4], { ...profile, cumulativeActual: [0] }, 1, true).mean).toBe(1)
    expect(leadTimeDemand([4], { ...profile, cumulativeActual: [100] }, 1, true).mean).toBe(16)
  })

  it("states stored before the actual totals were kept are not moved, nor are regular items", () => {
    const { cumulativeActual: _, ...old } = profile
    expect(leadTimeDemand([4], old, 1, true).mean).toBe(4)
    expect(leadTimeDemand([4], profile, 1, false).mean).toBe(4)
  })

  it("the profile keeps the mean actual total next to the mean forecast total", () => {
    const y = [0, 3, 0, 0, 5, 0, 0, 0, 2, 0, 0, 4, 0, 0, 0, 0, 1, 0, 0, 3, 0, 0, 0, 0, 2, 0, 0, 0]
    const f = forecastSeries(y, { horizon: 2, season: 1 })
    expect(f.profile.cumulativeActual).toHaveLength(2)
    expect(f.profile.cumulativeActual![1]).toBeGreaterThan(0)
    expect(f.profile.cumulativeActual![1]).toBeLessThanOrEqual(5 + 4)
  })
})
