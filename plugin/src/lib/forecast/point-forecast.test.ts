import { describe, expect, it } from "vitest"
import { forecastSeries } from "./forecast-series"
import { countMedian, isCountSeries, pointForecast } from "./point-forecast"

describe("point forecast for absolute error", () => {
  it("takes the median of a Poisson with the mean, by hand", () => {
    // P(0) at mean 0.5 is e^-0.5 = 0.607 >= 1/2: median 0. At 1.5: P(0) 0.223, P(<=1) 0.558: median 1.
    // At 0.7: P(0) 0.497, P(<=1) 0.844: median 1. At 2: P(<=1) 0.406, P(<=2) 0.677: median 2.
    expect(countMedian([0.5, 1.5, 0.7, 2, 0, -1])).toEqual([0, 1, 1, 2, 0, 0])
  })

  it("applies only to whole, non-negative numbers, and only when asked", () => {
    expect(isCountSeries([0, 1, 3, NaN, 2])).toBe(true)
    expect(isCountSeries([0, 1.5, 3])).toBe(false)
    expect(isCountSeries([0, -1, 3])).toBe(false)
    expect(pointForecast([1.5, 1.5], [1, 2, 1])).toEqual([1.5, 1.5])
    expect(pointForecast([1.5, 1.5], [1, 2, 1], "median")).toEqual([1, 1])
    expect(pointForecast([1.5, 1.5], [1.2, 2, 1], "median")).toEqual([1.5, 1.5])
  })

  it("leaves the mean as it is and puts the median beside it", () => {
    // mean 1.5 units a day: the historic average's mean forecast is 1.5, its point 1
    const y = Array.from({ length: 60 }, (_, t) => (t % 2 ? 2 : 1))
    const f = forecastSeries(y, { horizon: 3, season: 1, candidates: ["historic_average"], point: "median" })
    expect(f.mean).toEqual([1.5, 1.5, 1.5])
    expect(f.point).toEqual([1, 1, 1])
    expect(forecastSeries(y, { horizon: 3, season: 1, candidates: ["historic_average"] }).point).toEqual([1.5, 1.5, 1.5])
  })
})
