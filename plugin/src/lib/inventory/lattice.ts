/**
 * A demand distribution as probabilities on whole units: pmf[i] = P(D = (lo + i) * step). Stock
 * and orders are whole units, so a reorder point's service level is read off this directly; sums
 * (lead-time demand plus undershoot) are convolutions and lead-time spread is a mixture, with no
 * normal approximation in between. The grid starts near the distribution's lower end (`lo`) and
 * holds at most MAX_BINS bins: large volumes get a step of a few units, with the cumulative
 * probability interpolated inside a bin, so every item costs about the same (30,000 item x
 * locations must recompute in about a second).
 */
export type Lattice = { step: number; lo: number; pmf: Float64Array }

export const MAX_BINS = 80

/** The step that spans [lower, upper] in at most MAX_BINS bins. */
export function stepFor(lower: number, upper: number): number {
  return Math.max(1, Math.ceil((upper - Math.max(0, lower)) / (MAX_BINS - 1)))
}

/**
 * Bins whole-unit demand: bin i holds the units in ((lo + i - 1/2) step, (lo + i + 1/2) step];
 * the first bin takes everything below, the last everything above. `cdf(k)` is P(D <= k) for
 * whole k, called with increasing k.
 */
export function latticeFromCdf(cdf: (k: number) => number, lower: number, upper: number, step: number): Lattice {
  const lo = Math.max(0, Math.floor(Math.max(0, lower) / step))
  const n = Math.max(1, Math.ceil(Math.max(0, upper) / step) - lo + 1)
  const pmf = new Float64Array(n)
  let below = 0
  for (let i = 0; i < n - 1; i++) {
    const at = Math.min(1, Math.max(below, cdf(Math.floor((lo + i + 0.5) * step))))
    pmf[i] = at - below
    below = at
  }
  pmf[n - 1] = Math.max(0, 1 - below)
  return { step, lo, pmf }
}

export function pointMass(value: number, step: number): Lattice {
  return { step, lo: Math.max(0, Math.round(value / step)), pmf: Float64Array.of(1) }
}

export function latticeMean(d: Lattice): number {
  let m = 0
  for (let i = 0; i < d.pmf.length; i++) m += i * d.pmf[i]
  return (m + d.lo) * d.step
}

export function latticeVariance(d: Lattice): number {
  const mu = latticeMean(d) / d.step - d.lo
  let v = 0
  for (let i = 0; i < d.pmf.length; i++) v += (i - mu) * (i - mu) * d.pmf[i]
  return v * d.step * d.step
}

/**
 * P(D <= x) for a stock level x. On a one-unit step exactly; on a coarser step the cumulative
 * probability runs linearly between bin edges, as demand of many units per bin is nearly smooth.
 */
export function latticeCdf(d: Lattice, x: number): number {
  const { step, lo, pmf } = d
  if (step === 1) {
    const last = Math.min(pmf.length - 1, Math.floor(x + 1e-9) - lo)
    let c = 0
    for (let i = 0; i <= last; i++) c += pmf[i]
    return Math.min(1, c)
  }
  // edge i (upper edge of bin i) = (lo + i + 1/2) step
  const pos = x / step - lo - 0.5
  if (pos < -1) return 0
  let c = 0
  const whole = Math.floor(pos)
  for (let i = 0; i <= Math.min(whole, pmf.length - 1); i++) c += pmf[i]
  if (whole + 1 < pmf.length) c += (pos - whole) * pmf[whole + 1]
  return Math.min(1, c)
}

/** The smallest whole-unit stock level whose P(D <= level) reaches p. */
export function latticeQuantile(d: Lattice, p: number): number {
  const { step, lo, pmf } = d
  let c = 0
  for (let i = 0; i < pmf.length; i++) {
    if (c + pmf[i] >= p - 1e-12) {
      if (step === 1) return lo + i
      // inside bin i, between its lower edge (c) and upper edge (c + pmf[i])
      const lower = (lo + i - 0.5) * step
      const x = Math.ceil(lower + (pmf[i] > 0 ? ((p - c) / pmf[i]) * step : 0) - 1e-9)
      return Math.max(0, latticeCdf(d, x - 1) >= p - 1e-12 ? x - 1 : x)
    }
    c += pmf[i]
  }
  return (lo + pmf.length - 1) * step
}

/** E[(D - x)+]: the expected units short when x units cover the demand (the loss function). */
export function expectedShortage(d: Lattice, x: number): number {
  let s = 0
  for (let i = d.pmf.length - 1; i >= 0; i--) {
    const over = (d.lo + i) * d.step - x
    if (over <= 0) break
    s += d.pmf[i] * over
  }
  return s
}

/** The distribution of the sum of two independent demands on the same step. */
export function convolve(a: Lattice, b: Lattice): Lattice {
  if (a.step !== b.step) throw new Error(`convolve: steps differ (${a.step} and ${b.step})`)
  const x = trimmed(a)
  const y = trimmed(b)
  const out = new Float64Array(x.pmf.length + y.pmf.length - 1)
  const yp = y.pmf
  for (let i = 0; i < x.pmf.length; i++) {
    const pa = x.pmf[i]
    if (pa < 1e-13) continue
    for (let j = 0; j < yp.length; j++) out[i + j] += pa * yp[j]
  }
  return { step: a.step, lo: x.lo + y.lo, pmf: out }
}

/** Without the bins at either end whose probability is below what any service level can see. */
export function trimmed(d: Lattice, eps = 1e-12): Lattice {
  let from = 0
  let to = d.pmf.length - 1
  while (from < to && d.pmf[from] < eps) from++
  while (to > from && d.pmf[to] < eps) to--
  if (from === 0 && to === d.pmf.length - 1) return d
  return { step: d.step, lo: d.lo + from, pmf: d.pmf.subarray(from, to + 1) }
}

/** A mixture: with probability weights[k] demand follows parts[k] (all on the same step). */
export function mixture(parts: readonly Lattice[], weights: readonly number[]): Lattice {
  const lo = Math.min(...parts.map((p) => p.lo))
  const hi = Math.max(...parts.map((p) => p.lo + p.pmf.length))
  const out = new Float64Array(hi - lo)
  parts.forEach((p, k) => {
    if (p.step !== parts[0].step) throw new Error("mixture: steps differ")
    const w = weights[k]
    for (let i = 0; i < p.pmf.length; i++) out[p.lo - lo + i] += w * p.pmf[i]
  })
  return { step: parts[0].step, lo, pmf: out }
}

/** The same distribution with its grid starting at zero (for sums over units from zero up). */
export function fromZero(d: Lattice): Lattice {
  if (d.lo === 0) return d
  const pmf = new Float64Array(d.lo + d.pmf.length)
  pmf.set(d.pmf, d.lo)
  return { step: d.step, lo: 0, pmf }
}
