import { describe, expect, it } from "vitest"
import { forecastSeries, toVariantState } from "../forecast"
import { demandFromForecastState } from "./from-forecast-state"
import { QUANTILE_LEVELS } from "./demand-quantiles"

// a seeded, weekly-shaped daily series and a slow mover, both 200 days
let seed = 7
const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647)
const smooth = Array.from({ length: 200 }, (_, t) => Math.round(20 + 8 * Math.sin((2 * Math.PI * t) / 7) + 4 * (rand() - 0.5) * 2))
const slow = Array.from({ length: 200 }, () => (rand() < 0.12 ? 1 + Math.floor(rand() * 2) : 0))

describe("quantiles from a stored forecast", () => {
  it("gives rows that rise with the level and with the days, around the mean total", () => {
    for (const [values, intermittent] of [
      [smooth, false],
      [slow, true],
    ] as const) {
      const f = forecastSeries(values, { horizon: 14, season: 7 })
      expect(f.intermittent).toBe(intermittent)
      const d = demandFromForecastState(toVariantState(f), 14)
      expect(d.quantiles.levels).toEqual(QUANTILE_LEVELS)
      expect(d.quantiles.cumulative).toHaveLength(14)
      let total = 0
      d.quantiles.cumulative.forEach((row, h) => {
        total += d.mean[h]
        for (let j = 1; j < row.length; j++) expect(row[j]).toBeGreaterThanOrEqual(row[j - 1])
        if (h > 0) expect(row[row.length - 1]).toBeGreaterThanOrEqual(d.quantiles.cumulative[h - 1][row.length - 1])
        // the 99% quantile of the total lies above its mean, the median near it
        expect(row[row.length - 1]).toBeGreaterThan(total)
        if (intermittent) for (const q of row) expect(Number.isInteger(q)).toBe(true)
      })
      const week = d.mean.slice(0, 7).reduce((a, b) => a + b, 0)
      if (!intermittent) expect(Math.abs(d.quantiles.cumulative[6][0] - week) / week).toBeLessThan(0.1)
    }
  })
})
