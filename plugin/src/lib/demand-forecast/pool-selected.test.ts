import { describe, expect, it } from "vitest"
import { forecastMany } from "../forecast"
import type { DailySeries } from "./daily-series"
import { dailyForecastConfig, fitVariant, forecastView, poolSelected } from "./variant-forecast"

function weekly(n: number, seed: number): number[] {
  let s = seed
  const rand = () => ((s = (s * 16807) % 2147483647) / 2147483647)
  return Array.from({ length: n }, (_, t) => Math.round([2, 3, 3, 4, 6, 9, 7][t % 7] * (1 + (seed % 4)) + rand() * 6))
}
const daily = (id: string, values: number[]): DailySeries => ({ variant_id: id, location_id: "", firstDate: "2026-01-01", lastDate: "2026-01-01", values, inStock: values.map(() => null) })

describe("a batch of variants selected together", () => {
  const values = [1, 2, 3, 4, 5, 6].map((seed) => weekly(seed % 2 ? 60 : 150, seed))
  const fitted = values.map((y, i) => fitVariant({ kind: "select", series: daily(`v${i}`, y), horizon: 28 }))

  it("pools their error quantiles exactly as the engine does for a file's series", () => {
    const pooled = poolSelected(fitted)
    const engine = forecastMany(values.map((y) => ({ values: y, config: dailyForecastConfig(y.length, 28) })))
    pooled.forEach((f, i) => expect(f.state.profile).toEqual(engine[i].profile))
    // and the API's demand quantiles are the engine's
    const view = forecastView(pooled[0].state, { lastDate: "2026-03-01", today: "2026-03-02", horizon: 28, leadTimeDays: 5, reviewPeriodDays: 7, serviceLevel: 0.95 })
    expect(view.quantiles).toEqual(engine[0].demand)
    // pooling changed something: the short series' tails are not their own any more
    expect(pooled[0].state.profile.byHorizon).not.toEqual(fitted[0].state.profile.byHorizon)
  })

  it("leaves refitted variants and a lone variant as they were", () => {
    const refit = { ...fitted[1], selected: false }
    const out = poolSelected([fitted[0], refit, fitted[2]])
    expect(out[1]).toEqual(refit)
    expect(poolSelected([fitted[3]])[0]).toEqual(fitted[3])
  })
})
