import type { Forecaster } from "../types"
import { fitEts, predictEts, updateEts, type EtsState } from "./ets"

/**
 * Aggregate-Disaggregate Intermittent Demand Approach: sum demand into buckets as long as the mean
 * interval between demands, where it is no longer intermittent, smooth those totals, and spread
 * the forecast evenly back over the bucket's periods.
 */
export type AdidaState = { model: "adida"; bucket: number; pending: number; filled: number; ses: EtsState }

export function meanInterval(y: readonly number[]): number {
  let demands = 0
  for (const v of y) if (v > 0) demands++
  return demands ? y.length / demands : y.length
}

export const adida: Forecaster<AdidaState> = {
  name: "adida",
  family: "intermittent",
  applicable: (n) => n >= 6,
  fit: (y, ctx) => {
    const bucket = Math.max(1, Math.min(Math.round(meanInterval(y)), Math.floor(y.length / 3)))
    const totals: number[] = []
    // align buckets to the end so the most recent demand is in a complete bucket
    for (let end = y.length; end - bucket >= 0; end -= bucket) {
      let s = 0
      for (let t = end - bucket; t < end; t++) s += y[t]
      totals.unshift(s)
    }
    const ses = fitEts("ses", { trend: "N", season: "N" }, totals.length ? totals : [0], { season: 1 })
    return { model: "adida", bucket, pending: 0, filled: 0, ses }
  },
  update: (s, y) => {
    const pending = s.pending + y
    if (s.filled + 1 < s.bucket) return { ...s, pending, filled: s.filled + 1 }
    return { ...s, pending: 0, filled: 0, ses: updateEts(s.ses, pending) }
  },
  predict: (s, h) => new Array(h).fill(Math.max(0, predictEts(s.ses, 1)[0] / s.bucket)),
}
