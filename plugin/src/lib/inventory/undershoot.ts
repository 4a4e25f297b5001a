/**
 * Undershoot: with a periodic review, the inventory position is seen only every R days, so by the
 * review that triggers an order it has usually fallen below the reorder point s by some units U.
 * The order then has to cover lead-time demand from s - U, not from s: P(no stock-out in the
 * cycle) = P(D_L + U <= s). Ignoring U is the classic reason periodic (R, s, S) policies deliver
 * less than their target; Silver, Pyke & Peterson approximate E[U] by (sigma_R^2 + mu_R^2) / (2 mu_R).
 *
 * Here U's distribution is computed from the review period's demand X: the position drops from S
 * by X at each review (renewal steps over the reviews with demand) until the total reaches
 * Q = S - s; U is the overshoot of that total past Q. For small Q (in bins) exactly through the
 * renewal mass function; for large Q its limit P(U = u) = P(X > u) / E[X].
 */
import { fromZero, latticeMean, pointMass, type Lattice } from "./lattice"

const EXACT_BINS = 60

export function undershoot(reviewDemand: Lattice, orderQuantity: number): Lattice {
  const { step, pmf } = fromZero(reviewDemand)
  const moving = 1 - pmf[0]
  if (!(latticeMean(reviewDemand) > 0) || moving <= 1e-12) return pointMass(0, step)
  const q = Math.max(1, Math.round(orderQuantity / step))
  const n = pmf.length
  const out = new Float64Array(n)
  if (q <= EXACT_BINS) {
    // jumps of a review with demand: X given X > 0, on the bins where it has mass
    let first = 1
    while (first < n - 1 && pmf[first] < 1e-13) first++
    let last = n - 1
    while (last > first && pmf[last] < 1e-13) last--
    const jump = new Float64Array(n)
    for (let i = first; i <= last; i++) jump[i] = pmf[i] / moving
    const m = new Float64Array(q)
    m[0] = 1
    for (let j = first; j < q; j++) {
      let v = 0
      for (let i = first; i <= Math.min(j, last); i++) v += m[j - i] * jump[i]
      m[j] = v
    }
    for (let j = 0; j < q; j++) {
      if (m[j] < 1e-15) continue
      // from j, a jump of i >= q - j ends the cycle with undershoot j + i - q
      for (let i = Math.max(first, q - j); i <= last; i++) out[j + i - q] += m[j] * jump[i]
    }
  } else {
    let above = moving
    for (let u = 0; u < n; u++) {
      out[u] = above
      above -= pmf[u + 1] ?? 0
    }
  }
  let total = 0
  for (let i = 0; i < n; i++) total += out[i]
  for (let i = 0; i < n; i++) out[i] /= total
  return { step, lo: 0, pmf: out }
}
