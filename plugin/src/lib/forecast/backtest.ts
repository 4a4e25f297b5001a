/**
 * Rolling-origin evaluation on the training data only. Each candidate's parameters are estimated
 * once on the data before the first origin; from there the model walks forward with its O(1)
 * update and forecasts `horizon` steps from every origin. That is one fit and one pass per
 * candidate instead of one fit per origin, which is what makes weekly re-selection of 10,000
 * variants affordable, and no forecast ever sees the values it is scored on.
 */
import type { FitContext, Forecaster, ModelState } from "./types"

export type BacktestPlan = { firstOrigin: number; horizon: number; step: number }

export type BacktestRun = {
  /** index of the first forecast period of each origin */
  origins: number[]
  /** forecasts[i][k] is the forecast made at origins[i] for period origins[i] + k */
  forecasts: number[][]
}

/** The shortest history a backtest fits on: two seasons and a bit where there is a season. */
export function minTrainFor(season: number): number {
  return Math.max(8, season > 1 ? Math.min(2 * season + 2, 60) : 8)
}

export function planBacktest(n: number, horizon: number, season: number, minTrain?: number): BacktestPlan | null {
  const min = minTrain ?? minTrainFor(season)
  if (n - min < 2) return null
  const window = Math.max(horizon + 6, Math.round(n * 0.35))
  const firstOrigin = Math.max(min, n - window)
  // about 100 origins are plenty for the error quantiles; more only costs time
  const step = Math.max(1, Math.floor((n - firstOrigin) / 100))
  return { firstOrigin, horizon, step }
}

export function rollingOrigin(y: readonly number[], f: Forecaster<ModelState>, ctx: FitContext, plan: BacktestPlan): BacktestRun {
  let state = f.fit(y.slice(0, plan.firstOrigin), ctx)
  const origins: number[] = []
  const forecasts: number[][] = []
  for (let t = plan.firstOrigin; t < y.length; t++) {
    if ((t - plan.firstOrigin) % plan.step === 0) {
      origins.push(t)
      forecasts.push(f.predict(state, Math.min(plan.horizon, y.length - t)))
    }
    state = f.update(state, y[t])
  }
  return { origins, forecasts }
}

/** Forecast errors (actual - forecast) by horizon, leaving out censored actuals. */
export function errorsByHorizon(y: readonly number[], run: BacktestRun, horizon: number, censored?: readonly boolean[]): number[][] {
  const out: number[][] = Array.from({ length: horizon }, () => [])
  run.origins.forEach((o, i) => {
    run.forecasts[i].forEach((f, k) => {
      if (!censored?.[o + k]) out[k].push(y[o + k] - f)
    })
  })
  return out
}

/** The loss the selector ranks candidates by, over all origins and horizons. */
export function backtestLoss(y: readonly number[], run: BacktestRun, loss: "mae" | "mse", censored?: readonly boolean[]): number {
  let s = 0
  let n = 0
  run.origins.forEach((o, i) => {
    run.forecasts[i].forEach((f, k) => {
      if (censored?.[o + k]) return
      const e = y[o + k] - f
      s += loss === "mae" ? Math.abs(e) : e * e
      n++
    })
  })
  return n ? s / n : Infinity
}

export function averageRuns(runs: BacktestRun[]): BacktestRun {
  return {
    origins: runs[0].origins,
    forecasts: runs[0].forecasts.map((row, i) => row.map((_, k) => runs.reduce((s, r) => s + r.forecasts[i][k], 0) / runs.length)),
  }
}

/** The loss of each origin's forecasts, for paired comparisons of two models. */
export function originLosses(y: readonly number[], run: BacktestRun, loss: "mae" | "mse", censored?: readonly boolean[]): number[] {
  return run.origins.map((o, i) => {
    let s = 0
    let n = 0
    run.forecasts[i].forEach((f, k) => {
      if (censored?.[o + k]) return
      const e = y[o + k] - f
      s += loss === "mae" ? Math.abs(e) : e * e
      n++
    })
    return n ? s / n : NaN
  })
}

/**
 * How clearly `challenger` beats `incumbent`: the mean per-origin loss difference over its
 * standard error. Neighbouring origins share most of their forecast periods, so only about one
 * origin per horizon counts as independent evidence.
 */
export function advantage(y: readonly number[], incumbent: BacktestRun, challenger: BacktestRun, horizon: number, step: number, loss: "mae" | "mse", censored?: readonly boolean[]): number {
  const a = originLosses(y, incumbent, loss, censored)
  const b = originLosses(y, challenger, loss, censored)
  const d = a.map((v, i) => v - b[i]).filter(Number.isFinite)
  if (d.length < 2) return 0
  const mu = d.reduce((s, v) => s + v, 0) / d.length
  const sd = Math.sqrt(d.reduce((s, v) => s + (v - mu) ** 2, 0) / (d.length - 1))
  const independent = Math.max(1, (d.length * step) / horizon)
  if (sd === 0) return mu > 0 ? Infinity : mu < 0 ? -Infinity : 0
  return mu / (sd / Math.sqrt(independent))
}
