/**
 * The data sets and their splits. `test` is each set's published hold-out; `validation` is a set
 * of windows cut from the training part only (the test part is cut off first and never read),
 * which is where every choice of the shipped configuration was made.
 */
import { shippedConfig, type ForecastConfig } from "../../../plugin/src/lib/forecast"
import { holdOut, m3Monthly, namedSeries, pizzaDaily } from "./data"
import type { Part } from "./scores"

export type DataSet = { name: string; horizon: number; season: number; test: () => Part[]; validation: () => Part[][] }

/** Windows of `h` ending `ends[i]` periods before the end of each training part. */
function windows(trains: number[][], h: number, ends: number[], minTrain: number): Part[][] {
  return ends.map((end) => trains.map((y) => holdOut(y.slice(0, y.length - end), h)).filter((p) => p.train.length >= minTrain))
}

export const M3_MONTHLY: DataSet = {
  name: "m3_monthly",
  horizon: 18,
  season: 12,
  test: () => m3Monthly().map((s) => ({ train: s.train, test: s.test })),
  validation: () => windows(m3Monthly().map((s) => s.train), 18, [0], 24),
}

const jewelryTrains = () => namedSeries("jewelry.csv.gz").map((s) => holdOut(s.values, 13).train)

export const JEWELRY: DataSet = {
  name: "jewelry",
  horizon: 13,
  season: 52,
  test: () => namedSeries("jewelry.csv.gz").map((s) => holdOut(s.values, 13)),
  // the four quarters of the last training year (the first holds Christmas, the last is the test's weeks a year earlier)
  validation: () => windows(jewelryTrains(), 13, [0, 13, 26, 39], 26),
}

const pizzaTrains = () => pizzaDaily().map((s) => holdOut(s.values, 28).train)

export const PIZZA: DataSet = {
  name: "pizza",
  horizon: 28,
  season: 7,
  test: () => pizzaDaily().map((s) => holdOut(s.values, 28)),
  // rolling origins every 28 days over the last quarter of training
  validation: () => windows(pizzaTrains(), 28, [0, 28, 56], 56),
}

export const SETS = [M3_MONTHLY, JEWELRY, PIZZA]

/** The configuration every set is scored with: the shipped one, given only horizon and season. */
export function configFor(set: Pick<DataSet, "horizon" | "season">): ForecastConfig {
  return shippedConfig({ horizon: set.horizon, season: set.season })
}
