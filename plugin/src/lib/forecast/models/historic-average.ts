import type { Forecaster } from "../types"

/**
 * The mean of all history. On noisy, level series (a pizza SKU a day) it is hard to beat, and the
 * selector needs it in the pool so that it never prefers a model that chases the noise.
 */
export type HistoricAverageState = { model: "historic_average"; sum: number; count: number }

export const historicAverage: Forecaster<HistoricAverageState> = {
  name: "historic_average",
  family: "naive",
  fit: (y) => ({ model: "historic_average", sum: y.reduce((a, b) => a + b, 0), count: y.length }),
  update: (s, y) => ({ ...s, sum: s.sum + y, count: s.count + 1 }),
  predict: (s, h) => new Array(h).fill(s.count ? s.sum / s.count : 0),
}
