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
  let x = 0
  let pmf = Math.exp(logPmf0)
  // the cumulative probabilities so far, so a smaller k asked after a larger one is still right
  const table = [pmf]
  return (k: number) => {
    if (k < 0) return 0
    while (x < k) {
      pmf *= ratio(x)
      x++
      table.push(Math.min(1, table[x - 1] + pmf))
    }
    return table[k]
  }
}
