/**
 * The forecast's own error distribution, learned from its rolling-origin backtest: quantiles of
 * actual - forecast per horizon, and of the summed error over the first L periods. Intervals and
 * lead-time demand come from these rather than from a normal model's formula, so they are as wide
 * as the model's errors really were, skew included. Stored as a fixed grid of quantiles: small
 * enough to keep per variant.
 */
import type { BacktestRun } from "./backtest"
import { normalQuantile, predictiveQuantileSorted, studentQuantile } from "./stats"

export const PROFILE_PROBS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.975, 0.99, 0.995]

export type ErrorProfile = {
  probs: number[]
  /** byHorizon[k][j]: quantile probs[j] of the error at horizon k + 1 */
  byHorizon: number[][]
  /** cumulative[L - 1][j]: quantile probs[j] of the error of the L-period total */
  cumulative: number[][]
  /** mean squared error of the L-period total, for the count distributions of intermittent items */
  cumulativeMse: number[]
  /** the mean forecast L-period total those errors were made at (absent in states stored before it) */
  cumulativeLevel?: number[]
  /** the mean actual L-period total over the same origins (absent in states stored before it) */
  cumulativeActual?: number[]
  /** forecast/actual pairs at horizon 1 */
  samples: number
  /** errors behind each horizon's row and each total's row (absent in states stored before them) */
  horizonCounts?: number[]
  cumulativeCounts?: number[]
  /**
   * the series' own scale, its in-sample (seasonal) naive MAE: errors over it compare across
   * series, so a series with few errors can borrow from similar ones (pooled-errors.ts)
   */
  scale?: number
  /** the backtest's own out-of-sample check of its intervals, see `wideningRecord` in select.ts */
  widening?: WideningRecord
}

/** Factors an interval may be widened by about its median; the pool picks one (pooled-errors.ts). */
export const WIDENING_FACTORS = [1, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.8, 2, 2.25, 2.5, 3]

/** outside[j]: later backtest errors outside the earlier ones' 95% interval widened by WIDENING_FACTORS[j]. */
export type WideningRecord = { outside: number[]; pairs: number }

/**
 * Below this many errors the empirical tails are too ragged; a bell shape with their spread is
 * steadier. It is Student's t, the predictive interval of a normal sample of that size: the spread
 * of a dozen errors is itself uncertain, and a normal curve with it under-covers the tails.
 */
const MIN_EMPIRICAL = 30

function quantilesOf(errors: number[]): number[] {
  const n = errors.length
  if (n === 0) return PROFILE_PROBS.map(() => 0)
  if (n < MIN_EMPIRICAL) {
    const mu = errors.reduce((a, b) => a + b, 0) / n
    const sd = Math.sqrt(errors.reduce((a, e) => a + (e - mu) ** 2, 0) / Math.max(1, n - 1))
    const widen = sd * Math.sqrt(1 + 1 / n)
    return PROFILE_PROBS.map((p) => mu + widen * (n >= 2 ? studentQuantile(p, n - 1) : normalQuantile(p)))
  }
  const sorted = errors.slice().sort((a, b) => a - b)
  return PROFILE_PROBS.map((p) => predictiveQuantileSorted(sorted, p))
}

export function errorProfile(
  y: readonly number[],
  run: BacktestRun,
  horizon: number,
  censored?: readonly boolean[],
  originFilter?: (i: number) => boolean,
  /** per-period error sd to assume when there is no error at all to learn from (a new item) */
  fallbackSd = 0
): ErrorProfile {
  const byK: number[][] = Array.from({ length: horizon }, () => [])
  const cum: number[][] = Array.from({ length: horizon }, () => [])
  const level: number[][] = Array.from({ length: horizon }, () => [])
  const actual: number[][] = Array.from({ length: horizon }, () => [])
  run.origins.forEach((o, i) => {
    if (originFilter && !originFilter(i)) return
    let total = 0
    let forecastTotal = 0
    let actualTotal = 0
    let whole = true
    run.forecasts[i].forEach((f, k) => {
      const e = y[o + k] - f
      if (censored?.[o + k]) whole = false
      else byK[k].push(e)
      total += e
      forecastTotal += f
      actualTotal += y[o + k]
      if (whole) {
        cum[k].push(total)
        level[k].push(forecastTotal)
        actual[k].push(actualTotal)
      }
    })
  })
  // few origins reach the far horizons: lend them the neighbouring horizons' errors
  const pooled = byK.map((errs, k) => (errs.length >= MIN_EMPIRICAL ? errs : [...(byK[k - 1] ?? []), ...errs, ...(byK[k + 1] ?? [])]))
  return {
    probs: PROFILE_PROBS,
    byHorizon: carryForward(pooled, fallbackSd, "single"),
    cumulative: carryForward(cum, fallbackSd, "total"),
    cumulativeMse: carryForward(cum, fallbackSd, "mse").map((r) => r[0]),
    cumulativeLevel: level.map((xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0)),
    cumulativeActual: actual.map((xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0)),
    samples: byK[0]?.length ?? 0,
    horizonCounts: byK.map((e) => e.length),
    cumulativeCounts: cum.map((e) => e.length),
  }
}

/**
 * Horizons that too few origins reached (short histories) borrow the last horizon that has
 * errors, rather than claiming no uncertainty at all. A total over more periods spreads wider,
 * like a random walk (`grow`); a single period's error is taken as it was.
 */
function carryForward(samples: number[][], fallbackSd: number, kind: "single" | "total" | "mse"): number[][] {
  const summarise = (errs: number[]) => (kind === "mse" ? [errs.reduce((a, e) => a + e * e, 0) / errs.length] : quantilesOf(errs))
  let last = -1
  return samples.map((errs, k) => {
    if (errs.length >= 2) {
      last = k
      return summarise(errs)
    }
    const grow = kind === "single" ? 1 : last < 0 ? k + 1 : (k + 1) / (last + 1)
    if (last < 0) {
      const sd = fallbackSd * Math.sqrt(grow)
      return kind === "mse" ? [sd * sd] : PROFILE_PROBS.map((p) => sd * normalQuantile(p))
    }
    return summarise(samples[last]).map((v) => (kind === "mse" ? v * grow : v * Math.sqrt(grow)))
  })
}

/** Quantile p of a stored row, interpolated along the grid (clamped at its ends). */
export function profileQuantile(row: readonly number[], p: number, probs: readonly number[] = PROFILE_PROBS): number {
  if (p <= probs[0]) return row[0]
  if (p >= probs[probs.length - 1]) return row[row.length - 1]
  let j = 1
  while (probs[j] < p) j++
  const w = (p - probs[j - 1]) / (probs[j] - probs[j - 1])
  return row[j - 1] + w * (row[j] - row[j - 1])
}
