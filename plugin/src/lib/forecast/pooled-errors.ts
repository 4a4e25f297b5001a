/**
 * Error quantiles pooled across similar series. One series' backtest holds a few dozen errors
 * at best (a 48-month series cannot show its own 99% quantile), and the errors of the origins it
 * has overlap, so its own quantiles are too narrow far more often than too wide. Errors divided
 * by the series' scale (its in-sample naive MAE) compare across series; their quantiles, averaged
 * over the series of the same kind (regular or intermittent demand) and weighted by how many
 * errors each had, give every series a pooled shape at its own scale. A series' own quantiles
 * count in proportion to its errors: n / (n + POOL_WEIGHT) at each horizon and each total.
 */
import { profileQuantile, WIDENING_FACTORS, type ErrorProfile } from "./error-distribution"

export type PooledErrorRows = {
  /** [k][j]: quantile probs[j] of error / scale at horizon k + 1 */
  byHorizon: number[][]
  /** [k][j]: quantile probs[j] of the (k + 1)-period total's error / scale */
  cumulative: number[][]
  /** how many series the rows come from */
  series: number
  /**
   * the factor every quantile's distance from the median is multiplied by: the smallest that put
   * no more than 5% of the pool's later backtest errors outside the 95% interval of its earlier
   * ones. A backtest's errors run narrower than the future's (the model was chosen on them, and
   * each series' errors share few origins); this learns by how much, across the pool.
   */
  widen: number
}

export type PooledErrors = { probs: number[]; regular: PooledErrorRows | null; intermittent: PooledErrorRows | null }

/**
 * How many errors of its own a series needs to weigh as much as the pool. Chosen on validation
 * windows cut from training data only; see docs/forecasting.md.
 */
export const POOL_WEIGHT = 60

function averageRows(profiles: readonly ErrorProfile[], rows: (p: ErrorProfile) => number[][], counts: (p: ErrorProfile) => number[] | undefined): number[][] {
  const width = profiles[0].probs.length
  const length = Math.min(...profiles.map((p) => rows(p).length))
  const sum = Array.from({ length }, () => new Array(width).fill(0))
  const weight = new Array(length).fill(0)
  for (const p of profiles) {
    const scale = p.scale!
    const c = counts(p)
    rows(p).slice(0, length).forEach((row, k) => {
      const w = c?.[k] ?? p.samples
      if (!(w > 0)) return
      weight[k] += w
      row.forEach((v, j) => (sum[k][j] += (w * v) / scale))
    })
  }
  return sum.map((row, k) => row.map((v) => (weight[k] > 0 ? v / weight[k] : 0)))
}

function poolOf(profiles: readonly ErrorProfile[]): PooledErrorRows | null {
  const usable = profiles.filter((p) => p.scale !== undefined && Number.isFinite(p.scale) && p.scale > 0 && p.samples > 0)
  if (usable.length < 2) return null
  return {
    byHorizon: averageRows(usable, (p) => p.byHorizon, (p) => p.horizonCounts),
    cumulative: averageRows(usable, (p) => p.cumulative, (p) => p.cumulativeCounts),
    series: usable.length,
    widen: pooledWidening(usable),
  }
}

function pooledWidening(profiles: readonly ErrorProfile[]): number {
  const outside = WIDENING_FACTORS.map(() => 0)
  let pairs = 0
  for (const p of profiles) {
    if (!p.widening || p.widening.outside.length !== WIDENING_FACTORS.length) continue
    pairs += p.widening.pairs
    p.widening.outside.forEach((v, j) => (outside[j] += v))
  }
  if (pairs === 0) return 1
  const j = outside.findIndex((v) => v / pairs <= 0.05)
  return j < 0 ? WIDENING_FACTORS[WIDENING_FACTORS.length - 1] : WIDENING_FACTORS[j]
}

/** The pool of a set of series' profiles (a file's series, a store's variants), by kind of demand. */
export function poolErrors(forecasts: readonly { profile: ErrorProfile; intermittent: boolean }[]): PooledErrors | null {
  if (forecasts.length === 0) return null
  return {
    probs: forecasts[0].profile.probs,
    regular: poolOf(forecasts.filter((f) => !f.intermittent).map((f) => f.profile)),
    intermittent: poolOf(forecasts.filter((f) => f.intermittent).map((f) => f.profile)),
  }
}

function blendRows(own: number[][], counts: number[] | undefined, pooled: number[][], scale: number, k: number, widen: number, probs: readonly number[]): number[][] {
  return own.map((row, h) => {
    const p = pooled[Math.min(h, pooled.length - 1)]
    if (!p) return row
    const n = counts?.[h] ?? 0
    const w = n + k > 0 ? n / (n + k) : 0
    const blended = row.map((v, j) => w * v + (1 - w) * scale * p[j])
    const mid = profileQuantile(blended, 0.5, probs)
    return blended.map((v) => mid + widen * (v - mid))
  })
}

/** The series' profile with the pool of its kind blended in; unchanged when there is no pool or no scale. */
export function withPooledErrors(profile: ErrorProfile, intermittent: boolean, pooled: PooledErrors | null | undefined, k = POOL_WEIGHT): ErrorProfile {
  const rows = intermittent ? pooled?.intermittent : pooled?.regular
  const scale = profile.scale
  if (!rows || !(scale !== undefined && Number.isFinite(scale) && scale > 0)) return profile
  if (pooled!.probs.join() !== profile.probs.join()) return profile
  return {
    ...profile,
    byHorizon: blendRows(profile.byHorizon, profile.horizonCounts, rows.byHorizon, scale, k, rows.widen, profile.probs),
    cumulative: blendRows(profile.cumulative, profile.cumulativeCounts, rows.cumulative, scale, k, rows.widen, profile.probs),
  }
}
