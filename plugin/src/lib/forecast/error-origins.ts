/**
 * Which backtest origins the error distribution learns from. By default the selection's own
 * backtest, the last third or so of the history. But retail noise has a yearly rhythm: the weeks
 * around Christmas are far wilder than March, so a backtest window that holds a Christmas gives
 * every week of the year Christmas-wide intervals (jewelry's 95% intervals held 99.6% of the
 * following spring), and one that holds none gives Christmas March-wide ones.
 *
 * With `errorSeason` set (periods in a year: 52 weekly, 12 monthly, 365 daily), the chosen model is
 * walked forward from the start of the history instead, and only origins at the same time of year
 * as the coming forecast are kept: within one horizon of its phase, in any year, the weeks just
 * before it included. (Simply walking from the start for more origins, without the phase,
 * did not help: on carparts' validation reviews it added stock without bringing the service
 * levels nearer their targets.)
 */
import { averageRuns, rollingOrigin, type BacktestPlan, type BacktestRun } from "./backtest"
import type { FitContext } from "./types"
import { forecasterFor } from "./zoo"

export type ErrorOrigins = { run: BacktestRun; keep?: (i: number) => boolean }

/** Phase distance on a circle of `period` steps. */
function phaseDistance(a: number, b: number, period: number): number {
  const d = (((a - b) % period) + period) % period
  return Math.min(d, period - d)
}

export function errorOrigins(
  y: readonly number[],
  chosen: { model: string; members: string[] },
  ctx: FitContext,
  plan: BacktestPlan,
  minTrain: number,
  selectionRun: BacktestRun,
  errorSeason?: number
): ErrorOrigins {
  const period = Math.round(errorSeason ?? 0)
  const n = y.length
  if (!(period > 1) || minTrain >= plan.firstOrigin) return { run: selectionRun }
  // origins up to one horizon either side of the phase. On jewelry's four validation quarters
  // (mean |coverage95 - 0.95|, median-of-13-weeks forecasts) a quarter horizon scored 0.057, half
  // 0.050, three quarters 0.027, a whole one 0.020: the narrow windows hold too few errors.
  const halfWidth = plan.horizon
  // a yearly rhythm needs at least the same weeks of one earlier year
  if (n - period + halfWidth < minTrain) return { run: selectionRun }
  const names = chosen.model === "combination" ? chosen.members : [chosen.model]
  const full = { firstOrigin: minTrain, horizon: plan.horizon, step: 1 }
  const runs = names.map((m) => rollingOrigin(y, forecasterFor(m), ctx, full))
  const run: BacktestRun = runs.length === 1 ? runs[0] : averageRuns(runs)
  const keep = (i: number) => phaseDistance(run.origins[i], n, period) <= halfWidth
  return run.origins.filter((_, i) => keep(i)).length > halfWidth ? { run, keep } : { run: selectionRun }
}
