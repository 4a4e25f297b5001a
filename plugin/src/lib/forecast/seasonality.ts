/**
 * Classical seasonal decomposition and the seasonality test that decides whether to use it. The
 * test is the one R's `thetaf` applies (the lag-m autocorrelation against its 90% limit): it keeps
 * noisy series from being given a season they do not have, which costs more than it earns.
 */
import { mean } from "./stats"

export function autocorrelations(y: readonly number[], maxLag: number): number[] {
  const n = y.length
  const mu = mean(y)
  let denom = 0
  for (let t = 0; t < n; t++) denom += (y[t] - mu) ** 2
  const r: number[] = []
  for (let k = 1; k <= maxLag; k++) {
    let s = 0
    for (let t = k; t < n; t++) s += (y[t] - mu) * (y[t - k] - mu)
    r.push(denom > 0 ? s / denom : 0)
  }
  return r
}

/** True when the lag-m autocorrelation is significant at 90% (one-sided, Bartlett's variance). */
export function isSeasonal(y: readonly number[], m: number): boolean {
  const n = y.length
  if (m <= 1 || n < 2 * m + 1) return false
  const r = autocorrelations(y, m)
  let s = 0
  for (let k = 0; k < m - 1; k++) s += r[k] * r[k]
  const stat = Math.sqrt((1 + 2 * s) / n)
  return Math.abs(r[m - 1]) / stat > 1.6448536269514722
}

export type SeasonalKind = "multiplicative" | "additive"

/** The detrended values (ratios or differences to a centred moving average) grouped by phase. */
function detrendedByPhase(y: readonly number[], m: number, kind: SeasonalKind): number[][] {
  const n = y.length
  const half = Math.floor(m / 2)
  const byPhase: number[][] = Array.from({ length: m }, () => [])
  for (let t = half; t < n - half; t++) {
    let trend: number
    if (m % 2 === 0) {
      let s = 0.5 * (y[t - half] + y[t + half])
      for (let j = t - half + 1; j < t + half; j++) s += y[j]
      trend = s / m
    } else {
      let s = 0
      for (let j = t - half; j <= t + half; j++) s += y[j]
      trend = s / m
    }
    const detrended = kind === "multiplicative" ? y[t] / trend : y[t] - trend
    if (Number.isFinite(detrended)) byPhase[t % m].push(detrended)
  }
  return byPhase
}

/**
 * Seasonal indices of phase t mod m from a centred moving average (R's `decompose`): ratios for
 * multiplicative (normalised to mean 1), differences for additive (normalised to mean 0).
 */
export function classicalIndices(y: readonly number[], m: number, kind: SeasonalKind): number[] {
  return indicesOfPhases(detrendedByPhase(y, m, kind), kind)
}

function indicesOfPhases(byPhase: readonly number[][], kind: SeasonalKind): number[] {
  const neutral = kind === "multiplicative" ? 1 : 0
  const raw = byPhase.map((xs) => (xs.length ? mean(xs) : neutral))
  const centre = mean(raw)
  return raw.map((v) => (kind === "multiplicative" ? v / centre : v - centre))
}

/** The classical indices shrunk by their own noise (see seasonalShrinkage), detrending the series once. */
export function shrunkClassicalIndices(y: readonly number[], m: number, kind: SeasonalKind): number[] {
  const byPhase = detrendedByPhase(y, m, kind)
  const raw = indicesOfPhases(byPhase, kind)
  return shrinkIndices(raw, kind, shrinkageOfPhases(byPhase, kind, raw))
}

/**
 * How far to trust a series' own classical indices: the positive-part James-Stein weight
 * 1 - noise / spread, where spread is the indices' mean square distance from "no season" and noise
 * the mean variance of one index (the spread of its phase's detrended values across the years,
 * over how many there are). Four years of a noisy month give indices that are half noise; taken
 * at face value, that noise is forecast every year. Shrinking each index toward no season by this
 * weight keeps a clear season whole and damps a faint one (the validation figures behind it are
 * in docs/forecasting.md).
 */
export function seasonalShrinkage(y: readonly number[], m: number, kind: SeasonalKind, indices: readonly number[]): number {
  return shrinkageOfPhases(detrendedByPhase(y, m, kind), kind, indices)
}

function shrinkageOfPhases(byPhase: readonly number[][], kind: SeasonalKind, indices: readonly number[]): number {
  const neutral = kind === "multiplicative" ? 1 : 0
  let noise = 0
  let phases = 0
  for (const xs of byPhase) {
    if (xs.length < 2) continue
    const mu = mean(xs)
    noise += xs.reduce((a, v) => a + (v - mu) ** 2, 0) / (xs.length - 1) / xs.length
    phases++
  }
  if (!phases) return 1
  noise /= phases
  const spread = indices.reduce((a, v) => a + (v - neutral) ** 2, 0) / indices.length
  return spread > 0 ? Math.max(0, 1 - noise / spread) : 0
}

/** Indices moved toward no season (1 multiplicative, 0 additive) by weight w in [0, 1]. */
export function shrinkIndices(indices: readonly number[], kind: SeasonalKind, w: number): number[] {
  return indices.map((v) => (kind === "multiplicative" ? 1 + w * (v - 1) : w * v))
}

/**
 * A smooth long season (a year of days) as a few Fourier harmonics fitted to the detrended series:
 * two years of daily data give two noisy values per day of the year, harmonics pool them.
 */
export function fourierIndices(y: readonly number[], period: number, harmonics: number): number[] {
  const n = y.length
  const window = 31
  const half = (window - 1) / 2
  const detrended: number[] = []
  const times: number[] = []
  let run = 0
  for (let t = 0; t < Math.min(n, window); t++) run += y[t]
  for (let t = half; t < n - half; t++) {
    if (t > half) run += y[t + half] - y[t - half - 1]
    detrended.push(y[t] - run / window)
    times.push(t)
  }
  const coef: number[] = []
  for (let k = 1; k <= harmonics; k++) {
    let sc = 0
    let ss = 0
    let cc = 0
    let s2 = 0
    for (let i = 0; i < detrended.length; i++) {
      const w = (2 * Math.PI * k * times[i]) / period
      sc += detrended[i] * Math.cos(w)
      ss += detrended[i] * Math.sin(w)
      cc += Math.cos(w) ** 2
      s2 += Math.sin(w) ** 2
    }
    coef.push(cc > 0 ? sc / cc : 0, s2 > 0 ? ss / s2 : 0)
  }
  const out: number[] = []
  for (let p = 0; p < period; p++) {
    let v = 0
    for (let k = 1; k <= harmonics; k++) {
      const w = (2 * Math.PI * k * p) / period
      v += coef[2 * k - 2] * Math.cos(w) + coef[2 * k - 1] * Math.sin(w)
    }
    out.push(v)
  }
  return out
}

/** The week's (or year's) shape of a whole catalogue: multiplicative indices of the summed series. */
export function sharedSeasonalProfile(series: readonly (readonly number[])[], m: number): number[] {
  const n = Math.max(0, ...series.map((s) => s.length))
  const total = new Array(n).fill(0)
  // series are aligned at their start (t = 0 is the same day for all)
  for (const s of series) s.forEach((v, t) => (total[t] += Number.isFinite(v) ? v : 0))
  return classicalIndices(total, m, "multiplicative")
}
