import { describe, expect, it } from "vitest"
import { configFor, PIZZA } from "../../../../integration-tests/bench/forecast/sets"
import { SPEED, SPEED_CONFIG } from "../../../../integration-tests/bench/forecast/speed"
import { forecastSeries, shippedConfig } from "../forecast"
import { dailyForecastConfig, fitVariant } from "./variant-forecast"

/** The forecast API and `pnpm bench:forecast` run one configuration: this fails if they drift apart. */
describe("one configuration", () => {
  it("the benchmark's daily configurations are the plugin's", () => {
    // pizza: a year of days, under the two years the yearly season needs
    expect(configFor(PIZZA)).toEqual(dailyForecastConfig(365 - 28, PIZZA.horizon))
    // the speed test's two-year catalogue: with the yearly season, as the plugin adds it
    expect(SPEED_CONFIG).toEqual(dailyForecastConfig(SPEED.length, 28))
    expect(SPEED_CONFIG.extraSeasons).toEqual([365])
  })

  it("the plugin's fit is the engine's with the shipped configuration", () => {
    expect(dailyForecastConfig(500, 14)).toEqual(shippedConfig({ horizon: 14, season: 7, periodsPerYear: 365, length: 500 }))
    expect(Object.keys(dailyForecastConfig(800, 14)).sort()).toEqual(["extraSeasons", "horizon", "season"])
    const values = Array.from({ length: 120 }, (_, t) => 5 + ((t * 7) % 5))
    const series = { variant_id: "v", location_id: "", firstDate: "2026-01-01", lastDate: "2026-04-30", values, inStock: values.map(() => null) }
    const fitted = fitVariant({ kind: "select", series, horizon: 14 })
    const engine = forecastSeries(values, shippedConfig({ horizon: 14, season: 7, periodsPerYear: 365, length: values.length }))
    expect(fitted.model).toBe(engine.model)
    expect(fitted.state.model).toEqual(engine.state)
    expect(fitted.state.profile).toEqual(engine.profile)
  })
})
