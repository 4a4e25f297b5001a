import { describe, expect, it } from "vitest"
import { censorStockOuts } from "./censoring"
import { forecastSeries } from "./forecast-series"

describe("censoring out-of-stock days", () => {
  // steady demand of 10 a day, but the shelf was empty for a stretch: the sales read 0 (or 2)
  const demand = Array.from({ length: 120 }, (_, t) => 10 + (t % 3) - 1)
  const stockOut = (t: number) => (t >= 60 && t < 75) || t >= 110
  const sales = demand.map((d, t) => (stockOut(t) ? (t === 60 ? 2 : 0) : d))
  const inStock = demand.map((_, t) => !stockOut(t))

  it("replaces stock-out days by an estimate, never below what sold", () => {
    const c = censorStockOuts(sales, inStock, 7)
    expect(c.censored.filter(Boolean).length).toBe(25)
    expect(c.values[65]).toBeCloseTo(10, 0)
    expect(c.values[60]).toBeGreaterThanOrEqual(2)
    expect(c.values[10]).toBe(sales[10])
  })

  it("changes the forecast: stock-outs are not learned as zero demand", () => {
    const naive = forecastSeries(sales, { horizon: 7, season: 7 })
    const censored = forecastSeries(sales, { horizon: 7, season: 7, inStock })
    expect(censored.censoredPeriods).toBe(25)
    for (const v of censored.mean) expect(v).toBeCloseTo(10, 0)
    expect(Math.max(...naive.mean)).toBeLessThan(8)
  })

  it("unknown stock (before the plugin was installed) is not censored", () => {
    const unknown = inStock.map((v) => (v ? true : undefined))
    const f = forecastSeries(sales, { horizon: 7, season: 7, inStock: unknown })
    expect(f.censoredPeriods).toBe(0)
    expect(f.mean).toEqual(forecastSeries(sales, { horizon: 7, season: 7 }).mean)
  })
})
