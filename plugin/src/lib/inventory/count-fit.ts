/**
 * Intermittent items: the count distribution (Poisson, or negative binomial when over-dispersed)
 * that best reproduces the forecast's quantiles of the lead-time total. A quantile of a count is a
 * whole number q with P(D <= q - 1) < p <= P(D <= q); the fit picks the mean factor and dispersion
 * whose distribution puts each given level inside its step. The mean is fitted too: a count
 * forecast's quantiles are calibrated on its own backtest totals (which may sit above or below the
 * model's mean), and it is the quantiles a service level must honour.
 */
import { countVariance } from "./negative-binomial"

export type CountFit = {
  /** mean of the fitted total over `days` */
  mean: number
  /** negative binomial dispersion for that total; Infinity = Poisson */
  size: number
  days: number
  distribution: "poisson" | "negative-binomial"
}

const SIZES = [Infinity, 50, 20, 10, 6, 4, 3, 2, 1.5, 1, 0.7, 0.5, 0.35, 0.25, 0.15, 0.1]
const FACTORS = [0.25, 0.35, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.1, 1.25, 1.4, 1.6, 2, 2.5, 3, 4]

/**
 * Searched one coordinate at a time (dispersion at the model's mean, then the mean at that
 * dispersion, then the dispersion again): a few dozen candidates instead of the whole grid, which
 * matters when thousands of slow movers are recomputed at once.
 */
export function fitCount(levels: readonly number[], quantiles: readonly number[], mean: number, days: number): CountFit {
  const steps = quantiles.map((q) => Math.max(0, Math.ceil(q - 1e-9)))
  // no demand forecast and no quantile above zero: nothing to fit, and no demand to invent
  if (!(mean > 0) && steps.every((k) => k === 0)) return { mean: 0, size: Infinity, days, distribution: "poisson" }
  const base = mean > 0 ? mean : Math.max(0.05, ...quantiles) / 2
  const score = (f: number, size: number) => {
    const mu = base * f
    // among equally good fits: the model's own mean, then the least dispersion
    return stepLoss(mu, size, steps, levels) + 1e-4 * Math.abs(Math.log(f)) + 1e-6 * (countVariance(mu, size) / mu)
  }
  let f = 1
  let size = Infinity
  let best = Infinity
  const bySize = (from: number, to: number) => {
    for (let i = Math.max(0, from); i <= Math.min(SIZES.length - 1, to); i++) {
      const l = score(f, SIZES[i])
      if (l < best) [best, size] = [l, SIZES[i]]
    }
  }
  bySize(0, SIZES.length - 1)
  for (const g of FACTORS) {
    const l = score(g, size)
    if (l < best) [best, f] = [l, g]
  }
  // the mean has moved: another dispersion may now fit better (the whole row again; searching only
  // next to the first pass's choice saved ~5% of a recompute and found worse fits)
  bySize(0, SIZES.length - 1)
  const mu = base * f
  return { mean: mu, size, days, distribution: Number.isFinite(size) ? "negative-binomial" : "poisson" }
}

/**
 * How far the levels fall outside their quantiles' steps under NB(mu, size): for quantile q at
 * level p, zero when P(D <= q - 1) < p <= P(D <= q). One pass of the pmf recursion, no tables.
 */
function stepLoss(mu: number, size: number, steps: readonly number[], levels: readonly number[]): number {
  const poisson = !Number.isFinite(size)
  const q = poisson ? 0 : size / (size + mu)
  let pmf = poisson ? Math.exp(-mu) : Math.exp(size * Math.log(q))
  let below = 0 // P(D <= x - 1)
  let x = 0
  let loss = 0
  for (let j = 0; j < steps.length; j++) {
    const k = steps[j]
    while (x < k) {
      below += pmf
      pmf *= poisson ? mu / (x + 1) : ((x + size) / (x + 1)) * (1 - q)
      x++
    }
    const lo = below
    const hi = below + pmf
    const p = levels[j]
    loss += p <= lo ? lo - p : p > hi ? p - hi : 0
  }
  return loss
}

/** The fitted total moved to another number of days: mean pro rata, dispersion adds up (NB sums). */
export function countOver(fit: CountFit, days: number, meanThen: number, meanNow: number): { mean: number; size: number } {
  const ratio = meanThen > 0 ? meanNow / meanThen : days / Math.max(1, fit.days)
  return { mean: fit.mean * ratio, size: fit.size * (days / Math.max(1, fit.days)) }
}
