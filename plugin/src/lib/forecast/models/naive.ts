import type { Forecaster } from "../types"

/** Tomorrow as today: the yardstick every other model must beat. */
export type NaiveState = { model: "naive"; last: number }

export const naive: Forecaster<NaiveState> = {
  name: "naive",
  family: "naive",
  fit: (y) => ({ model: "naive", last: y.length ? y[y.length - 1] : 0 }),
  update: (s, y) => ({ ...s, last: y }),
  predict: (s, h) => new Array(h).fill(s.last),
}
