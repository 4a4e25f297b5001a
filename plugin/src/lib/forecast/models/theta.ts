import { linearTrend } from "../stats"
import type { Forecaster } from "../types"
import { fitEts, predictEts, updateEts, type EtsState } from "./ets"

/**
 * The Theta method as Hyndman & Billah showed it to be: simple exponential smoothing plus half the
 * slope of the least-squares line, the drift phased in as the SES level catches up. It won M3.
 */
export type ThetaState = { model: "theta"; ses: EtsState; drift: number; n: number }

export const thetaCore: Forecaster<ThetaState> = {
  name: "theta",
  family: "smooth",
  applicable: (n) => n >= 4,
  fit: (y, ctx) => ({
    model: "theta",
    ses: fitEts("ses", { trend: "N", season: "N" }, y, ctx),
    drift: linearTrend(y).slope / 2,
    n: y.length,
  }),
  update: (s, y) => ({ ...s, ses: updateEts(s.ses, y), n: s.n + 1 }),
  predict: (s, h) => {
    const a = s.ses.alpha
    const catchUp = (1 - Math.pow(1 - a, s.n)) / a
    return predictEts(s.ses, h).map((v, k) => v + s.drift * (k + catchUp))
  },
}
