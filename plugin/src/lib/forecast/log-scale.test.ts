import { describe, expect, it } from "vitest"
import { holtCore } from "./models/ets"
import { withLogScale } from "./models/log-scale"
import { forecasterFor } from "./zoo"

describe("a model on the log scale", () => {
  const holtLog = withLogScale("holt_log_test", holtCore)

  it("carries on a steady growth rate, where the same model on the units falls behind it", () => {
    const y = Array.from({ length: 36 }, (_, t) => 100 * 1.05 ** t)
    const want = [36, 37, 38].map((t) => 100 * 1.05 ** t)
    const f = holtLog.predict(holtLog.fit(y, { season: 1 }), 3)
    f.forEach((v, k) => expect(v / want[k]).toBeCloseTo(1, 3))
    const plain = holtCore.predict(holtCore.fit(y, { season: 1 }), 3)
    expect(plain[2]).toBeLessThan(want[2] * 0.999)
  })

  it("takes an update on the log scale too", () => {
    const y = Array.from({ length: 36 }, (_, t) => 100 * 1.05 ** t)
    const s = holtLog.update(holtLog.fit(y, { season: 1 }), 100 * 1.05 ** 36)
    expect(holtLog.predict(s, 1)[0] / (100 * 1.05 ** 37)).toBeCloseTo(1, 3)
  })

  it("leaves a series with a zero on its own scale", () => {
    const y = [3, 0, 4, 5, 4, 6, 5, 7, 6, 8, 7, 9]
    const ctx = { season: 1 }
    expect(holtLog.predict(holtLog.fit(y, ctx), 4)).toEqual(holtCore.predict(holtCore.fit(y, ctx), 4))
  })

  it("the zoo's log-scale trend models are there by name, and forecast a positive series positive", () => {
    const y = Array.from({ length: 48 }, (_, t) => 50 * 0.97 ** t * (1 + 0.2 * Math.sin((2 * Math.PI * t) / 12)))
    for (const name of ["damped_log", "theta_log", "otm_log"]) {
      const f = forecasterFor(name)
      const out = f.predict(f.fit(y, { season: 12 }), 18)
      for (const v of out) expect(v).toBeGreaterThan(0)
    }
  })
})
