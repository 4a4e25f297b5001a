import { nelderMead } from "../optimize"
import { linearTrend, mean } from "../stats"
import type { Forecaster } from "../types"

/**
 * The Optimised Theta Method (Fiorucci, Pellegrini, Louzada, Petropoulos & Koehler 2016): the
 * theta method with its theta chosen per series instead of fixed at 2. Theta = 1 is simple
 * exponential smoothing, larger values lean on the least-squares trend: forecast = SES level +
 * (1 - 1/theta) x (the trend line's drift, phased in as the level catches up). Theta, alpha and
 * the starting level are fitted together by the in-sample one-step squared error.
 */
export type OptimisedThetaState = { model: "otm"; alpha: number; theta: number; level: number; a: number; b: number; n: number }

function weight(s: { alpha: number; theta: number; a: number; b: number }, t: number, k: number): number {
  const decay = Math.pow(1 - s.alpha, t)
  return (1 - 1 / s.theta) * (decay * s.a + (k + (1 - decay * (1 - s.alpha)) / s.alpha) * s.b)
}

export const optimisedTheta: Forecaster<OptimisedThetaState> = {
  name: "otm",
  family: "smooth",
  applicable: (n) => n >= 6,
  fit: (y) => {
    const { intercept: a, slope: b } = linearTrend(y)
    const n = y.length
    const sse = (x: number[]) => {
      const [alpha, theta, l0] = x
      if (!(alpha > 1e-3 && alpha < 0.999) || !(theta >= 1 && theta <= 10)) return Infinity
      let level = l0
      let s = 0
      for (let t = 0; t < n; t++) {
        const e = y[t] - (level + weight({ alpha, theta, a, b }, t, 0))
        s += e * e
        level = alpha * y[t] + (1 - alpha) * level
      }
      return s
    }
    const scale = Math.max(1e-8, mean(y.map(Math.abs)))
    const best = nelderMead(sse, [0.3, 2, y[0]], { step: [0.15, 0.5, 0.1 * scale], maxEvals: 150, tol: 1e-6 }).x
    const [alpha, theta, l0] = best
    let level = l0
    for (const v of y) level = alpha * v + (1 - alpha) * level
    return { model: "otm", alpha, theta, level, a, b, n }
  },
  update: (s, y) => ({ ...s, level: s.alpha * y + (1 - s.alpha) * s.level, n: s.n + 1 }),
  predict: (s, h) => Array.from({ length: h }, (_, k) => s.level + weight(s, s.n, k)),
}
