/**
 * Intermittent items: the count distribution (Poisson, or negative binomial when over-dispersed)
 * that best reproduces the forecast's quantiles of the lead-time total. A quantile of a count is a
 * whole number q with P(D <= q - 1) < p <= P(D <= q); the fit picks the mean factor and dispersion
 * whose distribution puts each given level inside its step. The mean is fitted too: a count
 * forecast's quantiles are calibrated on its own backtest totals (which may sit above or below the
 * model's mean), and it is the quantiles a service level must honour.
 */
import { countVariance, negativeBinomialCdf } from "./negative-binomial"

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

export function fitCount(levels: readonly number[], quantiles: readonly number[], mean: number, days: number): CountFit {
  let best = { loss: Infinity, mean, size: Infinity }
  const steps = quantiles.map((q) => Math.max(0, Math.ceil(q - 1e-9)))
  const base = mean > 0 ? mean : Math.max(0.05, ...quantiles) / 2
  for (const f of FACTORS) {
    const mu = base * f
    for (const size of SIZES) {
      const cdf = negativeBinomialCdf(mu, size)
      let loss = 0
      steps.forEach((k, j) => {
        const lo = k > 0 ? cdf(k - 1) : 0
        const hi = cdf(k)
        const p = levels[j]
        loss += p <= lo ? lo - p : p > hi ? p - hi : 0
      })
      // among equally good fits: the model's own mean, then the least dispersion
      loss += 1e-4 * Math.abs(Math.log(f)) + 1e-6 * (countVariance(mu, size) / mu)
      if (loss < best.loss) best = { loss, mean: mu, size }
    }
  }
  return { mean: best.mean, size: best.size, days, distribution: Number.isFinite(best.size) ? "negative-binomial" : "poisson" }
}

/** The fitted total moved to another number of days: mean pro rata, dispersion adds up (NB sums). */
export function countOver(fit: CountFit, days: number, meanThen: number, meanNow: number): { mean: number; size: number } {
  const ratio = meanThen > 0 ? meanNow / meanThen : days / Math.max(1, fit.days)
  return { mean: fit.mean * ratio, size: fit.size * (days / Math.max(1, fit.days)) }
}
