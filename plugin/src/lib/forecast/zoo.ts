/**
 * The model zoo: every forecaster by name, so a stored state finds the code that reads it, and the
 * candidate pools the selector tries. A new model is one file plus one line here.
 */
import { adida } from "./models/adida"
import { croston, sba } from "./models/croston"
import { dampedCore, etsSeasonal, sesCore } from "./models/ets"
import { historicAverage } from "./models/historic-average"
import { mstl } from "./models/mstl"
import { naive } from "./models/naive"
import { seasonalNaive } from "./models/seasonal-naive"
import { withSeasonalAdjustment } from "./models/seasonally-adjusted"
import { thetaCore } from "./models/theta"
import { tsb } from "./models/tsb"
import { windowAverage } from "./models/window-average"
import type { FitContext, Forecaster, ModelState } from "./types"

export const ses = withSeasonalAdjustment("ses", sesCore)
export const damped = withSeasonalAdjustment("damped", dampedCore)
export const theta = withSeasonalAdjustment("theta", thetaCore)
/** the history's mean with the week's shape on top: what a noisy daily SKU mostly is */
export const seasonalAverage = withSeasonalAdjustment("seasonal_average", historicAverage, "seasonal")
export const seasonalWindowAverage = withSeasonalAdjustment("seasonal_window_average", windowAverage, "seasonal")

/** The mean of a few models' forecasts: combining is the most reliable gain in the M competitions. */
export type CombinationState = { model: "combination"; members: ModelState[] }

export const combination: Forecaster<CombinationState> = {
  name: "combination",
  family: "combination",
  fit: () => {
    throw new Error("a combination is made by the selector from fitted members, see combine()")
  },
  update: (s, y) => ({ ...s, members: s.members.map((m) => forecasterFor(m.model).update(m, y)) }),
  predict: (s, h) => {
    const sum = new Array(h).fill(0)
    for (const m of s.members) forecasterFor(m.model).predict(m, h).forEach((v, k) => (sum[k] += v))
    return sum.map((v) => v / s.members.length)
  },
}

export function combine(members: ModelState[]): CombinationState {
  return { model: "combination", members }
}

const all: Forecaster<any>[] = [
  naive,
  seasonalNaive,
  historicAverage,
  windowAverage,
  ses,
  damped,
  theta,
  seasonalAverage,
  seasonalWindowAverage,
  etsSeasonal,
  mstl,
  croston,
  sba,
  tsb,
  adida,
  combination,
]
const byName = new Map(all.map((f) => [f.name, f]))

export function forecasterFor(name: string): Forecaster<ModelState> {
  const f = byName.get(name)
  if (!f) throw new Error(`unknown forecast model "${name}"`)
  return f
}

export const modelNames = all.map((f) => f.name)

/**
 * Regular demand: level, trend and season models, and the plain means as a guard against noise.
 * Holt's undamped trend is left out: on M3 it won backtests and then over-shot the future.
 */
export const SMOOTH_POOL = ["naive", "seasonal_naive", "historic_average", "window_average", "ses", "damped", "theta", "seasonal_average", "seasonal_window_average", "ets_seasonal", "mstl"]
/**
 * Intermittent demand: the models built for it, plus the history's mean (often as good on sparse
 * items). Not the mean of the last few periods: on an item that sells every third period it is a
 * spike or a zero, it wins a short backtest by luck, and after a few quiet periods it forecasts
 * exactly zero, which makes the lead-time demand distribution a point at zero: on carparts'
 * validation reviews those cycles ran out half the time whatever the target.
 */
export const INTERMITTENT_POOL = ["croston", "sba", "tsb", "adida", "historic_average", "ses"]

export function applicableModels(names: readonly string[], n: number, ctx: FitContext): string[] {
  return names.filter((name) => {
    const f = forecasterFor(name)
    return f.name !== "combination" && (f.applicable ? f.applicable(n, ctx) : n >= 1)
  })
}

/** The combinations that stand unless a challenger clearly beats them in the backtest. */
export const SMOOTH_CORE = ["ses", "damped", "theta"]
export const INTERMITTENT_CORE = ["sba", "tsb", "adida"]

/** Whether a fitted model forecasts a seasonal shape (its own, or a seasonal adjustment's). */
export function carriesSeason(state: ModelState): boolean {
  const s = state as ModelState & { members?: ModelState[]; indices?: number[] }
  if (s.model === "combination") return (s.members ?? []).every(carriesSeason)
  if (Array.isArray(s.indices)) return s.indices.length > 0
  return forecasterFor(s.model).family === "seasonal"
}
