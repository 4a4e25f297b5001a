import { describe, expect, it } from "vitest"
import { forecasterFor } from "./zoo"
import type { FitContext } from "./types"

const plain: FitContext = { season: 1 }
// one 13-week block: median and mean m, six weeks at m - a, six at m + a (within variance 12 a^2 / 12 = a^2)
const block = (m: number, a: number) => [...new Array(6).fill(m - a), m, ...new Array(6).fill(m + a)]
const fitPredict = (y: number[], h = 1) => {
  const f = forecasterFor("shrunk_median")
  return f.predict(f.fit(y, plain), h)
}

describe("shrunk_median: the quarter's median shrunk toward the year's by the series' noise", () => {
  it("a clear shift with no noise keeps the recent median (weight 1)", () => {
    expect(fitPredict([...block(10, 0), ...block(10, 0), ...block(10, 0), ...block(20, 0)], 2)).toEqual([20, 20])
  })

  it("a shift no larger than the noise gets the year's median (weight 0)", () => {
    // block medians 10, 10, 10, 12: spread (3 x 0.25 + 2.25) / 3 = 1; noise pi/2 x 16 / 13 = 1.93 > 1
    expect(fitPredict([...block(10, 4), ...block(10, 4), ...block(10, 4), ...block(12, 4)])).toEqual([10])
  })

  it("in between, w = 1 - noise / spread", () => {
    // a = 2: noise pi/2 x 4 / 13, spread 1; the year's median is 10 and the quarter's 12
    const w = 1 - (Math.PI / 2) * (4 / 13)
    const [v] = fitPredict([...block(10, 2), ...block(10, 2), ...block(10, 2), ...block(12, 2)])
    expect(v).toBeCloseTo(w * 12 + (1 - w) * 10, 12)
    expect(v).toBeCloseTo(11.0334, 4)
  })

  it("less than a whole year is the plain median of the last 13 weeks", () => {
    const y = [...block(10, 4), ...block(10, 4), ...block(12, 4)]
    expect(fitPredict(y)).toEqual(forecasterFor("window_median").predict(forecasterFor("window_median").fit(y, plain), 1))
    expect(fitPredict(y)).toEqual([12])
  })

  it("the update keeps the last year and equals a fit on the longer series; the state survives JSON", () => {
    const y = Array.from({ length: 90 }, (_, t) => [0, 3, 0, 0, 2, 5, 0, 1, 0, 0, 4, 0, 6, 9][t % 14] + (t > 60 ? 4 : 0))
    const f = forecasterFor("shrunk_median")
    let s = f.fit(y.slice(0, 40), plain)
    for (const v of y.slice(40)) s = f.update(s, v)
    expect(f.predict(s, 3)).toEqual(f.predict(f.fit(y, plain), 3))
    expect(f.predict(JSON.parse(JSON.stringify(s)), 3)).toEqual(f.predict(s, 3))
  })
})
