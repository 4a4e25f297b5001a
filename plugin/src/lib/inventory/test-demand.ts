/**
 * Demand rows for the tests, built from distributions whose quantiles are known in closed form:
 * a normal total (mean d h, sd sigma sqrt(h)) and a count total (Poisson or negative binomial).
 * Not a test file: the tests import it.
 */
import { QUANTILE_LEVELS, type SeriesDemand } from "./demand-quantiles"
import { negativeBinomialCdf } from "./negative-binomial"
import { normalQuantile } from "./normal"

export function normalDemand(daily: number, sdDaily: number, horizon = 28): SeriesDemand {
  const mean = new Array(horizon).fill(daily)
  const row = (mu: number, sd: number) => QUANTILE_LEVELS.map((p) => mu + sd * normalQuantile(p))
  return {
    mean,
    intermittent: false,
    quantiles: {
      levels: QUANTILE_LEVELS,
      daily: mean.map(() => row(daily, sdDaily)),
      cumulative: mean.map((_, h) => row(daily * (h + 1), sdDaily * Math.sqrt(h + 1))),
    },
  }
}

/** Quantile p of a count: the smallest k with P(D <= k) >= p. */
export function countQuantile(mu: number, size: number, p: number): number {
  const cdf = negativeBinomialCdf(mu, size)
  let k = 0
  while (cdf(k) < p - 1e-12) k++
  return k
}

/** Daily counts with mean `daily`; totals over h days NB(h daily, h size) (size Infinity: Poisson). */
export function countDemand(daily: number, size: number, horizon = 28): SeriesDemand {
  const mean = new Array(horizon).fill(daily)
  const row = (h: number) => QUANTILE_LEVELS.map((p) => countQuantile(daily * h, size * h, p))
  return {
    mean,
    intermittent: true,
    quantiles: { levels: QUANTILE_LEVELS, daily: mean.map(() => row(1)), cumulative: mean.map((_, h) => row(h + 1)) },
  }
}
