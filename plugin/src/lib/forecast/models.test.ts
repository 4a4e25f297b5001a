import { describe, expect, it } from "vitest"
import { combine, forecasterFor } from "./zoo"
import type { FitContext } from "./types"

const plain: FitContext = { season: 1 }
const weekly: FitContext = { season: 7 }
const fitPredict = (name: string, y: number[], h: number, ctx = plain) => {
  const f = forecasterFor(name)
  return f.predict(f.fit(y, ctx), h)
}

describe("baseline models on hand-checkable series", () => {
  it("naive repeats the last value, and the update moves it", () => {
    const f = forecasterFor("naive")
    const s = f.fit([1, 2, 3], plain)
    expect(f.predict(s, 2)).toEqual([3, 3])
    expect(f.predict(f.update(s, 5), 1)).toEqual([5])
  })

  it("seasonal naive repeats last week", () => {
    const y = Array.from({ length: 14 }, (_, t) => t + 1)
    expect(fitPredict("seasonal_naive", y, 9, weekly)).toEqual([8, 9, 10, 11, 12, 13, 14, 8, 9])
    const f = forecasterFor("seasonal_naive")
    expect(f.predict(f.update(f.fit(y, weekly), 100), 7)).toEqual([9, 10, 11, 12, 13, 14, 100])
  })

  it("historic and window averages", () => {
    expect(fitPredict("historic_average", [2, 4, 6], 1)).toEqual([4])
    const h = forecasterFor("historic_average")
    expect(h.predict(h.update(h.fit([2, 4, 6], plain), 8), 1)).toEqual([5])
    expect(fitPredict("window_average", [100, 1, 2, 3, 6], 2)).toEqual([3, 3])
    // four weeks of days on daily data
    expect(fitPredict("window_average", [...new Array(10).fill(100), ...new Array(28).fill(7)], 1, weekly)).toEqual([7])
  })
})

describe("exponential smoothing and Theta", () => {
  it("SES on a constant series forecasts the constant", () => {
    fitPredict("ses", new Array(30).fill(12), 3).forEach((v) => expect(v).toBeCloseTo(12, 6))
  })

  it("damped trend bends a straight line towards flat", () => {
    const y = Array.from({ length: 40 }, (_, t) => 5 + 2 * t)
    const f = fitPredict("damped", y, 10)
    expect(Math.abs(f[0] - 85)).toBeLessThan(1)
    // each step adds less than the last (phi < 1) but still climbs
    for (let k = 1; k < 10; k++) expect(f[k] - f[k - 1]).toBeGreaterThan(0)
    expect(f[9] - f[8]).toBeLessThan(f[1] - f[0])
  })

  it("Theta adds half the regression slope per step", () => {
    const y = Array.from({ length: 40 }, (_, t) => 3 * t + (t % 2 ? 1 : -1))
    const f = fitPredict("theta", y, 5)
    for (let k = 1; k < 5; k++) expect(f[k] - f[k - 1]).toBeCloseTo(1.5, 1)
  })

  it("seasonal ETS and MSTL reproduce a clean weekly pattern", () => {
    const week = [5, 9, 12, 8, 6, 20, 2]
    const y = Array.from({ length: 140 }, (_, t) => week[t % 7])
    for (const name of ["ets_seasonal", "mstl", "seasonal_average"]) {
      fitPredict(name, y, 14, weekly).forEach((v, k) => expect(v).toBeCloseTo(week[(140 + k) % 7], 1))
    }
  })

  it("the ETS update is the smoothing recursion", () => {
    const f = forecasterFor("ses")
    const s = f.fit([10, 12, 11, 13, 12, 14, 13], plain) as any
    const alpha = s.core.alpha
    const level = s.core.level
    expect(f.predict(f.update(s, 20), 1)[0]).toBeCloseTo(level + alpha * (20 - level), 10)
  })
})

describe("intermittent demand models", () => {
  it("Croston and SBA by hand", () => {
    // demands 3 (after 3 periods) then 5 (after 2): size 3 + 0.1 * 2 = 3.2, interval 3 + 0.1 * (2 - 3) = 2.9
    expect(fitPredict("croston", [0, 0, 3, 0, 5], 1)[0]).toBeCloseTo(3.2 / 2.9, 12)
    expect(fitPredict("sba", [0, 0, 3, 0, 5], 1)[0]).toBeCloseTo((0.95 * 3.2) / 2.9, 12)
    expect(fitPredict("croston", [0, 0, 0], 2)).toEqual([0, 0])
  })

  it("TSB decays towards zero when demand stops", () => {
    const y = [...Array.from({ length: 40 }, (_, t) => (t % 3 === 0 ? 4 : 0)), ...new Array(30).fill(0)]
    const active = fitPredict("tsb", y.slice(0, 40), 1)[0]
    expect(active).toBeGreaterThan(0.8)
    expect(fitPredict("tsb", y, 1)[0]).toBeLessThan(active)
  })

  it("ADIDA spreads the bucket forecast back over its periods", () => {
    const y = Array.from({ length: 40 }, (_, t) => (t % 4 === 3 ? 2 : 0))
    expect(fitPredict("adida", y, 3)).toEqual([0.5, 0.5, 0.5].map((v) => expect.closeTo(v, 6)))
  })
})

describe("update is the same as fitting on the longer series, for the models without estimation", () => {
  const y = Array.from({ length: 80 }, (_, t) => [0, 3, 0, 0, 2, 5, 0, 1, 0, 0, 4, 0, 6][t % 13])
  for (const name of ["naive", "seasonal_naive", "historic_average", "window_average", "croston", "sba"]) {
    it(name, () => {
      const f = forecasterFor(name)
      let s = f.fit(y.slice(0, 50), weekly)
      for (const v of y.slice(50)) s = f.update(s, v)
      expect(f.predict(s, 5)).toEqual(f.predict(f.fit(y, weekly), 5))
      // and the state survives a trip through JSON (it is stored per variant)
      expect(f.predict(JSON.parse(JSON.stringify(s)), 5)).toEqual(f.predict(s, 5))
    })
  }
})

describe("combination", () => {
  it("forecasts the mean of its members and updates each of them", () => {
    const y = [2, 4, 6, 8]
    const members = ["naive", "historic_average"].map((m) => forecasterFor(m).fit(y, plain))
    const c = forecasterFor("combination")
    const s = combine(members)
    expect(c.predict(s, 2)).toEqual([6.5, 6.5])
    expect(c.predict(c.update(s, 10), 1)).toEqual([(10 + 6) / 2])
  })
})
