/**
 * Forecast accuracy measures as the M competitions define them. MASE and RMSSE divide by the
 * in-sample error of the (seasonal) naive forecast, so figures compare across items of any size;
 * sMAPE is M3's own measure, 200|a-f|/(|a|+|f|).
 */

export function smape(actual: readonly number[], forecast: readonly number[]): number {
  let s = 0
  for (let i = 0; i < actual.length; i++) {
    const d = Math.abs(actual[i]) + Math.abs(forecast[i])
    s += d === 0 ? 0 : (200 * Math.abs(actual[i] - forecast[i])) / d
  }
  return s / actual.length
}

/** Mean absolute (or squared) change over `lag` periods inside the training data. */
export function naiveScale(insample: readonly number[], lag: number, squared = false): number {
  const m = lag >= 1 && insample.length > lag ? lag : 1
  let s = 0
  let n = 0
  for (let t = m; t < insample.length; t++) {
    const d = insample[t] - insample[t - m]
    s += squared ? d * d : Math.abs(d)
    n++
  }
  return n ? s / n : NaN
}

export function mae(actual: readonly number[], forecast: readonly number[]): number {
  let s = 0
  for (let i = 0; i < actual.length; i++) s += Math.abs(actual[i] - forecast[i])
  return s / actual.length
}

export function mase(actual: readonly number[], forecast: readonly number[], insample: readonly number[], lag: number): number {
  return mae(actual, forecast) / naiveScale(insample, lag)
}

export function rmsse(actual: readonly number[], forecast: readonly number[], insample: readonly number[], lag: number): number {
  let s = 0
  for (let i = 0; i < actual.length; i++) s += (actual[i] - forecast[i]) ** 2
  return Math.sqrt(s / actual.length / naiveScale(insample, lag, true))
}

/** Mean of forecast minus actual: positive when the forecast runs high. */
export function bias(actual: readonly number[], forecast: readonly number[]): number {
  let s = 0
  for (let i = 0; i < actual.length; i++) s += forecast[i] - actual[i]
  return s / actual.length
}

export function coverage(actual: readonly number[], lower: readonly number[], upper: readonly number[]): number {
  let inside = 0
  for (let i = 0; i < actual.length; i++) if (actual[i] >= lower[i] && actual[i] <= upper[i]) inside++
  return inside / actual.length
}

/** Quantile (pinball) loss of a forecast quantile at probability p. */
export function pinball(actual: readonly number[], q: readonly number[], p: number): number {
  let s = 0
  for (let i = 0; i < actual.length; i++) {
    const d = actual[i] - q[i]
    s += d >= 0 ? p * d : (p - 1) * d
  }
  return s / actual.length
}

/**
 * Mean scaled interval score (M4): the interval's width plus 2/alpha times how far each actual fell
 * outside it, over the in-sample (seasonal) naive MAE. Rewards coverage and narrowness together,
 * so an interval cannot buy coverage with width.
 */
export function msis(actual: readonly number[], lower: readonly number[], upper: readonly number[], insample: readonly number[], lag: number, alpha = 0.05): number {
  let s = 0
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i]
    s += upper[i] - lower[i] + (2 / alpha) * (Math.max(0, lower[i] - a) + Math.max(0, a - upper[i]))
  }
  return s / actual.length / naiveScale(insample, lag)
}

/**
 * The naive forecast's central interval from its own empirical errors: for horizon k, the quantiles
 * of y[t + k] - y[t] over the history, added to the last value. The yardstick interval.
 */
export function naiveInterval(insample: readonly number[], horizon: number, alpha = 0.05): { lower: number[]; upper: number[] } {
  const last = insample[insample.length - 1]
  const lower: number[] = []
  const upper: number[] = []
  for (let k = 1; k <= horizon; k++) {
    const d: number[] = []
    for (let t = 0; t + k < insample.length; t++) d.push(insample[t + k] - insample[t])
    d.sort((a, b) => a - b)
    const q = (p: number) => (d.length ? d[Math.min(d.length - 1, Math.max(0, Math.round(p * (d.length - 1))))] : 0)
    lower.push(last + q(alpha / 2))
    upper.push(last + q(1 - alpha / 2))
  }
  return { lower, upper }
}
