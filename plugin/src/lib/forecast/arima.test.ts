import { describe, expect, it } from "vitest"
import { arimaCore, kpss, type ArimaState } from "./models/arima"
import { forecasterFor } from "./zoo"

const ctx = { season: 1 }

describe("the small auto-ARIMA", () => {
  it("KPSS: a noisy level is stationary, a line is not", () => {
    // an irregular wiggle around 10 (sin of a step that is no fraction of the circle)
    const flat = Array.from({ length: 60 }, (_, t) => 10 + Math.sin(2.3 * t))
    expect(kpss(flat)).toBeLessThan(0.463)
    expect(kpss(Array.from({ length: 60 }, (_, t) => t))).toBeGreaterThan(0.463)
  })

  it("forecasts by hand from a given ARIMA(1,1,0) state", () => {
    // differences decay by half: 2 -> 1 -> 0.5 -> 0.25 on top of the last value 10
    const s: ArimaState = { model: "arima", d: 1, mu: 0, phi: [0.5, 0], theta: [0, 0], w: [2, 4], e: [0, 0], last: 10 }
    expect(arimaCore.predict(s, 3)).toEqual([11, 11.5, 11.75])
    // the update folds in 12 (a difference of 2, one more than forecast: the residual)
    const u = arimaCore.update(s, 12)
    expect(u.w).toEqual([2, 2])
    expect(u.e[0]).toBe(1)
    expect(arimaCore.predict(u, 1)).toEqual([13])
  })

  it("continues a straight line with a drift (d = 1) and folds in the next point", () => {
    const y = Array.from({ length: 40 }, (_, t) => 3 + 2 * t)
    const s = arimaCore.fit(y, ctx)
    expect(s.d).toBe(1)
    arimaCore.predict(s, 4).forEach((v, k) => expect(v).toBeCloseTo(81 + 2 * (k + 1), 4))
    arimaCore.predict(arimaCore.update(s, 83), 2).forEach((v, k) => expect(v).toBeCloseTo(85 + 2 * k, 4))
  })

  it("an AR(1) decay toward 10: found, and forecast on its way back", () => {
    const y = Array.from({ length: 30 }, (_, t) => 10 + 8 * 0.5 ** t)
    const f = arimaCore.predict(arimaCore.fit(y, ctx), 3)
    f.forEach((v, k) => expect(v).toBeCloseTo(10 + 8 * 0.5 ** (30 + k), 3))
  })

  it("is in the zoo on the log scale with the seasonal adjustment, positive on a positive series", () => {
    const y = Array.from({ length: 48 }, (_, t) => 50 * 1.01 ** t * (1 + 0.2 * Math.sin((2 * Math.PI * t) / 12)))
    for (const name of ["arima", "arima_log"]) {
      const f = forecasterFor(name)
      const out = f.predict(f.fit(y, { season: 12 }), 18)
      expect(out).toHaveLength(18)
      for (const v of out) expect(v).toBeGreaterThan(0)
    }
  })
})
