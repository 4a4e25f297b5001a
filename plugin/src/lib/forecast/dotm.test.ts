import { describe, expect, it } from "vitest"
import { dotm } from "./models/dotm"
import { linearTrend } from "./stats"
import { forecasterFor } from "./zoo"

const ctx = { season: 1 }

describe("the dynamic optimised Theta", () => {
  it("its recursively updated line is the least-squares line through the data so far", () => {
    const y = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3]
    const s = dotm.fit(y, ctx)
    // by hand: t-bar 4.5, y-bar 3.9, slope 22.5 / 82.5 = 0.2727, intercept 3.9 - 4.5 x 0.2727
    expect(s.b).toBeCloseTo(3 / 11, 10)
    expect(s.a).toBeCloseTo(3.9 - 4.5 * (3 / 11), 10)
    const u = dotm.update(s, 8)
    const line = linearTrend([...y, 8])
    expect(u.b).toBeCloseTo(line.slope, 10)
    expect(u.a).toBeCloseTo(line.intercept, 10)
    expect(u.n).toBe(11)
  })

  it("on a constant series forecasts the constant", () => {
    dotm.predict(dotm.fit(new Array(24).fill(7), ctx), 5).forEach((v) => expect(v).toBeCloseTo(7, 6))
  })

  it("follows a straight line upward", () => {
    const y = Array.from({ length: 40 }, (_, t) => 5 + 2 * t)
    const f = dotm.predict(dotm.fit(y, ctx), 6)
    f.forEach((v, k) => expect(Math.abs(v - (85 + 2 * k)) / (85 + 2 * k)).toBeLessThan(0.02))
    for (let k = 1; k < 6; k++) expect(f[k]).toBeGreaterThan(f[k - 1])
  })

  it("is in the zoo as dotm and dotm_log", () => {
    const y = Array.from({ length: 48 }, (_, t) => 50 * 0.98 ** t * (1 + 0.2 * Math.sin((2 * Math.PI * t) / 12)))
    for (const name of ["dotm", "dotm_log"]) for (const v of forecasterFor(name).predict(forecasterFor(name).fit(y, { season: 12 }), 18)) expect(v).toBeGreaterThan(0)
  })
})
