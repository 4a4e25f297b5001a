import { describe, expect, it } from "vitest"
import { forecastSeries } from "./forecast-series"
import { SMOOTH_POOL } from "./zoo"

describe("never worse than naive", () => {
  it("chooses naive on a series where every smooth model loses to it in the backtest", () => {
    // a staircase: the level jumps at irregular times and then holds. Naive errs only at the
    // jumps; every smoothing model (and the mean) keeps lagging behind each new level.
    const steps = [40, 95, 20, 140, 60, 10, 120, 75, 150, 30, 90, 5, 130, 55]
    const lengths = [17, 11, 23, 14, 19, 12, 21, 16, 13, 18, 15, 22, 12, 20]
    const y = steps.flatMap((v, i) => new Array(lengths[i]).fill(v))
    const f = forecastSeries(y, { horizon: 6, season: 1 })
    for (const m of SMOOTH_POOL) {
      if (m === "naive" || !(m in f.scores)) continue
      expect(f.scores[m]).toBeGreaterThan(f.scores.naive)
    }
    expect(f.model).toBe("naive")
    expect(f.mean).toEqual(new Array(6).fill(y[y.length - 1]))
  })

  it("keeps the smooth models where they beat naive", () => {
    // noise around a level: naive carries each draw's noise forward
    let s = 7
    const r = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648)
    const y = Array.from({ length: 150 }, () => 100 + 40 * (r() - 0.5))
    const f = forecastSeries(y, { horizon: 6, season: 1 })
    expect(f.model).not.toBe("naive")
    expect(f.scores[f.model === "combination" ? "core" : f.model] ?? f.scores.combination).toBeLessThan(f.scores.naive)
  })
})
