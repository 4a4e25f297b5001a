/** Small numeric helpers shared by the models and the metrics. */

export function mean(xs: ArrayLike<number>, from = 0, to = xs.length): number {
  let s = 0
  for (let i = from; i < to; i++) s += xs[i]
  return to > from ? s / (to - from) : NaN
}

/** Quantile with linear interpolation between order statistics (R's type 7). */
export function quantileSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN
  const pos = (sorted.length - 1) * p
  const lo = Math.floor(pos)
  const hi = Math.ceil(pos)
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo)
}

/**
 * Quantile for predicting a NEW value from a sample (R's type 6, plotting position p(n + 1)): the
 * interval between its p and 1 - p quantiles holds the next draw with probability 1 - 2p. Type 7
 * pulls the tails in: from 39 errors its 2.5%-97.5% range holds the next error only about 90% of
 * the time. Beyond the sample's ends there is nothing to interpolate; the extremes stand.
 */
export function predictiveQuantileSorted(sorted: readonly number[], p: number): number {
  const n = sorted.length
  if (n === 0) return NaN
  const pos = p * (n + 1) - 1
  if (pos <= 0) return sorted[0]
  if (pos >= n - 1) return sorted[n - 1]
  const lo = Math.floor(pos)
  return sorted[lo] + (sorted[lo + 1] - sorted[lo]) * (pos - lo)
}

/** The middle value (the mean of the two middle ones for an even count); 0 for none. */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return 0
  const s = sortedCopy(xs)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

export function sortedCopy(xs: readonly number[]): number[] {
  return xs.slice().sort((a, b) => a - b)
}

/** Acklam's rational approximation of the standard normal quantile (|error| < 1.2e-9). */
export function normalQuantile(p: number): number {
  if (p <= 0) return -Infinity
  if (p >= 1) return Infinity
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239]
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572]
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783]
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416]
  const pl = 0.02425
  if (p < pl) {
    const q = Math.sqrt(-2 * Math.log(p))
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
  }
  if (p > 1 - pl) return -normalQuantile(1 - p)
  const q = p - 0.5
  const r = q * q
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
}

/**
 * Student's t quantile with `df` degrees of freedom: exact for 1 and 2, otherwise the
 * Cornish-Fisher expansion in 1/df (Abramowitz & Stegun 26.7.5): within 1% at df = 3 and 0.1% from
 * df = 5 on, up to p = 0.995. An interval from a handful of errors must be a t interval:
 * their spread is itself a rough estimate, and a normal curve hides that.
 */
export function studentQuantile(p: number, df: number): number {
  if (!(df > 0) || !Number.isFinite(df)) return normalQuantile(p)
  if (df === 1) return Math.tan(Math.PI * (p - 0.5))
  if (df === 2) return (2 * p - 1) / Math.sqrt(2 * p * (1 - p))
  const z = normalQuantile(p)
  const z2 = z * z
  const g1 = (z * (z2 + 1)) / 4
  const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96
  const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384
  const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160
  return z + g1 / df + g2 / df ** 2 + g3 / df ** 3 + g4 / df ** 4
}

/** Least-squares slope and intercept of y on t = 0..n-1. */
export function linearTrend(y: readonly number[]): { intercept: number; slope: number } {
  const n = y.length
  if (n < 2) return { intercept: n ? y[0] : 0, slope: 0 }
  const tBar = (n - 1) / 2
  const yBar = mean(y)
  let sty = 0
  let stt = 0
  for (let t = 0; t < n; t++) {
    sty += (t - tBar) * (y[t] - yBar)
    stt += (t - tBar) * (t - tBar)
  }
  const slope = sty / stt
  return { intercept: yBar - slope * tBar, slope }
}
