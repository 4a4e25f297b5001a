/**
 * Negative binomial demand, mean mu and dispersion `size` (variance mu + mu^2 / size): a Poisson
 * whose rate itself varies (gamma-mixed), the usual count model for lumpy, over-dispersed slow
 * movers. Totals over d days of the same item add their sizes: NB(d mu, d size).
 */
import { forwardCdf, poissonCdf } from "./poisson"

export function negativeBinomialCdf(mu: number, size: number): (k: number) => number {
  if (!Number.isFinite(size)) return poissonCdf(mu)
  if (!(mu > 0)) return (k) => (k < 0 ? 0 : 1)
  const q = size / (size + mu)
  return forwardCdf(size * Math.log(q), (x) => ((x + size) / (x + 1)) * (1 - q), mu, countVariance(mu, size))
}

export function countVariance(mu: number, size: number): number {
  return mu + (Number.isFinite(size) ? (mu * mu) / size : 0)
}

/** A level above the demand with probability ~1 - 1e-6, where the table may stop. */
export function countUpper(mu: number, size: number): number {
  return Math.ceil(mu + 8 * Math.sqrt(countVariance(mu, size)) + 10)
}

export function countLower(mu: number, size: number): number {
  return Math.max(0, Math.floor(mu - 8 * Math.sqrt(countVariance(mu, size))))
}

/** Dispersion for a mean and a variance; Infinity (a Poisson) when not over-dispersed. */
export function sizeFor(mu: number, variance: number): number {
  return variance > mu * 1.0001 ? (mu * mu) / (variance - mu) : Infinity
}
