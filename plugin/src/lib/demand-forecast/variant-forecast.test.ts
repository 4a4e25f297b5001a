import { describe, expect, it } from "vitest"
import { forecastSeries, leadTimeDemand, updateForecast } from "../forecast"
import type { DailySeries } from "./daily-series"
import { API_LEVELS, dailyForecastConfig, fitVariant, foldClosedDays, forecastView, trackedPoints } from "./variant-forecast"

function weekly(n: number, seed = 1): number[] {
  let s = seed
  const rand = () => ((s = (s * 16807) % 2147483647) / 2147483647)
  return Array.from({ length: n }, (_, t) => Math.round([2, 3, 3, 4, 6, 9, 7][t % 7] + rand() * 3))
}

const series = (values: number[], inStock = values.map(() => null as boolean | null)): DailySeries => ({
  variant_id: "v1",
  location_id: "loc",
  firstDate: "2026-01-01",
  lastDate: "2026-01-01",
  values,
  inStock,
})

describe("fitVariant", () => {
  it("selects exactly what the engine selects on the same series", () => {
    const y = weekly(120)
    const fitted = fitVariant({ kind: "select", series: series(y), horizon: 28 })
    // written out, not read from dailyForecastConfig: a changed configuration must fail here
    const engine = forecastSeries(y, { horizon: 28, season: 7 })
    expect(fitted.model).toBe(engine.model)
    expect(fitted.members).toEqual(engine.members)
    expect(forecastView(fitted.state, { lastDate: "2026-04-30", today: "2026-05-01", horizon: 28, leadTimeDays: 7, reviewPeriodDays: 7, serviceLevel: 0.95 }).days.map((d) => d.mean)).toEqual(engine.mean)
    expect(fitted.scale).toBeGreaterThan(0)
  })

  it("refits the stored choice, keeping its error profile and starting a fresh live record", () => {
    const y = weekly(120)
    const first = fitVariant({ kind: "select", series: series(y.slice(0, 100)), horizon: 28 })
    const moved = { ...first.state, live: { pairs: 3, absError: 4, error: 1, inside95: 3 } }
    const refit = fitVariant({ kind: "refit", series: series(y), horizon: 28, previous: { model: first.model, members: first.members, state: moved } })
    expect(refit.selected).toBe(false)
    expect(refit.model).toBe(first.model)
    expect(refit.state.profile).toEqual(first.state.profile)
    expect(refit.state.live.pairs).toBe(0)
    expect(refit.state.model).not.toEqual(first.state.model)
  })

  it("learns no zero demand from days out of stock", () => {
    const y = weekly(90)
    const stockOut = y.map((v, t) => (t >= 80 ? 0 : v))
    const flags = y.map((_, t) => (t >= 80 ? false : true))
    const censored = fitVariant({ kind: "select", series: series(stockOut, flags), horizon: 14 })
    const naive = fitVariant({ kind: "select", series: series(stockOut), horizon: 14 })
    const mean = (f: typeof censored) => forecastView(f.state, { lastDate: "2026-04-01", today: "2026-04-02", horizon: 7, leadTimeDays: 1, reviewPeriodDays: 0, serviceLevel: 0.9 })
    const sum = (v: ReturnType<typeof mean>) => v.days.reduce((a, d) => a + d.mean, 0)
    expect(sum(mean(censored))).toBeGreaterThan(sum(mean(naive)) + 5)
  })
})

describe("foldClosedDays", () => {
  it("folds each closed day in order, the missing ones as zero with unknown stock", () => {
    const fitted = fitVariant({ kind: "select", series: series(weekly(60)), horizon: 14 })
    const result = foldClosedDays(fitted.state, "2026-03-01", "2026-03-04", [
      { date: "2026-03-04", units: 6, inStock: true },
      { date: "2026-03-02", units: 3, inStock: false },
    ])
    expect(result.lastDate).toBe("2026-03-04")
    expect(result.folded.map((d) => [d.date, d.units, d.inStock])).toEqual([
      ["2026-03-02", 3, false],
      ["2026-03-03", 0, null],
      ["2026-03-04", 6, true],
    ])
    let expected = updateForecast(fitted.state, 3, false)
    expected = updateForecast(expected, 0, null)
    expected = updateForecast(expected, 6, true)
    expect(result.state).toEqual(expected)
    // the stock-out day is not scored in the live record
    expect(result.state.live.pairs).toBe(2)
  })

  it("leaves the state alone when no day closed since", () => {
    const fitted = fitVariant({ kind: "select", series: series(weekly(60)), horizon: 14 })
    expect(foldClosedDays(fitted.state, "2026-03-04", "2026-03-04", [])).toEqual({ state: fitted.state, lastDate: "2026-03-04", folded: [] })
  })
})

describe("forecastView and tracked points", () => {
  const fitted = fitVariant({ kind: "select", series: series(weekly(150)), horizon: 28 })
  const engine = forecastSeries(weekly(150), { ...dailyForecastConfig(150, 28), levels: API_LEVELS })

  it("reports the engine's quantiles per day, the median included", () => {
    const view = forecastView(fitted.state, { lastDate: "2026-05-30", today: "2026-05-31", horizon: 10, leadTimeDays: 7, reviewPeriodDays: 7, serviceLevel: 0.95 })
    expect(view.days[0].date).toBe("2026-05-31")
    expect(view.days).toHaveLength(10)
    for (const q of engine.quantiles) expect(view.days.map((d) => d.quantiles[String(q.p)])).toEqual(q.values.slice(0, 10))
    expect(Object.keys(view.days[0].quantiles)).toContain("0.5")
  })

  it("takes lead-time demand from the error distribution of the total", () => {
    const view = forecastView(fitted.state, { lastDate: "2026-05-30", today: "2026-05-31", horizon: 3, leadTimeDays: 7, reviewPeriodDays: 7, serviceLevel: 0.95 })
    const ltd = leadTimeDemand(engine.mean, engine.profile, 7, engine.intermittent)
    expect(view.leadTime).toMatchObject({ days: 7, mean: ltd.mean, atServiceLevel: ltd.quantile(0.95) })
    expect(view.protectionPeriod.days).toBe(14)
    const sumOfUpper = view.days.length && engine.quantiles.find((q) => q.p === 0.975)!.values.slice(0, 7).reduce((a, b) => a + b, 0)
    expect(view.leadTime.atServiceLevel).toBeLessThan(sumOfUpper)
  })

  it("starts at today when closed days were not folded in yet", () => {
    const view = forecastView(fitted.state, { lastDate: "2026-05-28", today: "2026-05-31", horizon: 2, leadTimeDays: 7, reviewPeriodDays: 7, serviceLevel: 0.95 })
    expect(view.days.map((d) => d.date)).toEqual(["2026-05-31", "2026-06-01"])
    expect(view.days[0].mean).toBe(engine.mean[2])
  })

  it("plans the h = 1 and h = lead time checks from the last closed day", () => {
    const points = trackedPoints(fitted.state, "2026-05-30", 7)
    expect(points.map((p) => [p.horizon, p.target_date])).toEqual([
      [1, "2026-05-31"],
      [7, "2026-06-06"],
    ])
    expect(points[1].forecast).toBe(engine.mean[6])
    expect(points[0].lo95).toBe(engine.quantiles.find((q) => q.p === 0.025)!.values[0])
    expect(trackedPoints(fitted.state, "2026-05-30", 1)).toHaveLength(1)
  })
})
