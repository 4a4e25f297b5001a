import type { Forecaster, ModelState } from "../types"

/**
 * Runs a model on the logarithm of a strictly positive series: its additive trend becomes a
 * growth rate and its errors proportional, the shape of most business series (M3's). A series with
 * a zero or a negative value is left as it is.
 *
 * On M3's validation (the last 18 months of each training part) the damped trend, Theta and the
 * optimised Theta on the log scale, in the core and in the pool in place of their plain selves,
 * took sMAPE from 13.999 to 13.805 (2.2 standard errors of the paired difference; 659 series
 * better, 631 worse). See frozen.ts for the variants tried.
 */
export type LogScaleState = { model: string; core: ModelState; log: boolean }

export function withLogScale(name: string, core: Forecaster): Forecaster<LogScaleState> {
  return {
    name,
    family: core.family,
    applicable: core.applicable,
    fit: (y, ctx) => {
      const log = y.length > 0 && y.every((v) => v > 0)
      return { model: name, core: core.fit(log ? y.map(Math.log) : y, ctx), log }
    },
    // a later zero cannot be taken the log of: floored at a thousandth of a unit
    update: (s, y) => ({ ...s, core: core.update(s.core, s.log ? Math.log(Math.max(y, 1e-3)) : y) }),
    predict: (s, h) => {
      const f = core.predict(s.core, h)
      return s.log ? f.map(Math.exp) : f
    },
  }
}
