/**
 * Poisson demand: customers arriving independently, one unit each. The count model for slow
 * movers whose forecast errors are no wider than the count itself (variance = mean).
 */
import { normalCdf } from "./normal"

export function poissonCdf(mu: number): (k: number) => number {
  if (!(mu > 0)) return (k) => (k < 0 ? 0 : 1)
  return forwardCdf(-mu, (x) => mu / (x + 1), mu, mu)
}

/**
 * P(D <= k) for whole k through the pmf's recursion pmf(x + 1) = pmf(x) * ratio(x): O(1) per
 * unit, no factorials. When pmf(0) is below the double range (a count in the hundreds, never an
 * intermittent item) the normal curve with the same mean and variance stands in.
 */
export function forwardCdf(logPmf0: number, ratio: (x: number) => number, mean: number, variance: number): (k: number) => number {
  if (logPmf0 < -700) {
    const sd = Math.sqrt(variance)
    return (k) => (k < 0 ? 0 : normalCdf((k + 0.5 - mean) / sd))
  }
  const pmf0 = Math.exp(logPmf0)
  let x = 0
  let pmf = pmf0
  let cdf = pmf0
  return (k: number) => {
    if (k < 0) return 0
    if (k < x) {
      // asked for a smaller k than before (rare): walk again from zero
      x = 0
      pmf = cdf = pmf0
    }
    while (x < k) {
      pmf *= ratio(x)
      x++
      cdf += pmf
    }
    return Math.min(1, cdf)
  }
}
