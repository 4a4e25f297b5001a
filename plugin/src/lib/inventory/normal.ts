/**
 * The standard normal curve and its loss function G(k) = E[(Z - k)+], the expected shortage of a
 * normal demand per unit of its standard deviation beyond k (the textbook fill-rate tool).
 */
export { normalQuantile } from "../forecast/stats"

const SQRT2PI = Math.sqrt(2 * Math.PI)

export function normalPdf(z: number): number {
  return Math.exp(-0.5 * z * z) / SQRT2PI
}

/** Phi(z) through erfc (Numerical Recipes' Chebyshev fit, relative error < 1.2e-7). */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2)
}

function erfc(x: number): number {
  const z = Math.abs(x)
  const t = 1 / (1 + 0.5 * z)
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))))
    )
  return x >= 0 ? r : 2 - r
}

/** G(k) = phi(k) - k (1 - Phi(k)). */
export function normalLoss(k: number): number {
  return normalPdf(k) - k * (1 - normalCdf(k))
}

/**
 * Phi(z) from a table (steps of 1/128 in z, linear in between: error below 4e-6), for the inner
 * loops that turn quantile curves into whole-unit probabilities thousands of times per item.
 */
const TABLE_STEP = 1 / 128
const TABLE_EDGE = 9
const table = Float64Array.from({ length: Math.round((2 * TABLE_EDGE) / TABLE_STEP) + 1 }, (_, i) => normalCdf(-TABLE_EDGE + i * TABLE_STEP))

export function normalCdfFast(z: number): number {
  const pos = (z + TABLE_EDGE) / TABLE_STEP
  if (!(pos > 0)) return 0
  if (pos >= table.length - 1) return 1
  const i = pos | 0
  return table[i] + (pos - i) * (table[i + 1] - table[i])
}
