/**
 * A demand distribution as probabilities on whole units: pmf[i] = P(D = i * step). Stock and
 * orders are whole units, so a reorder point's service level is read off this directly; sums
 * (lead-time demand plus undershoot) are convolutions and lead-time spread is a mixture, with no
 * normal approximation in between. Large volumes use a coarser step (a few units per bin), which
 * keeps every item at a bounded cost: 30,000 items x locations must recompute in about a second.
 */
export type Lattice = { step: number; pmf: Float64Array }

/** Bins above which the step widens: the error is under 1% of the upper tail's demand. */
export const MAX_BINS = 160

export function stepFor(upper: number): number {
  return Math.max(1, Math.ceil(upper / MAX_BINS))
}

/**
 * Bins whole-unit demand: bin i holds the units in ((i - 1/2) step, (i + 1/2) step]. `cdf(k)` is
 * P(D <= k) for whole k and is called with increasing k; the last bin takes the tail beyond `upper`.
 */
export function latticeFromCdf(cdf: (k: number) => number, upper: number, step: number): Lattice {
  const n = Math.max(1, Math.ceil(Math.max(0, upper) / step) + 1)
  const pmf = new Float64Array(n)
  let below = 0
  for (let i = 0; i < n - 1; i++) {
    const at = Math.min(1, Math.max(below, cdf(Math.floor((i + 0.5) * step))))
    pmf[i] = at - below
    below = at
  }
  pmf[n - 1] = Math.max(0, 1 - below)
  return { step, pmf }
}

export function pointMass(value: number, step: number): Lattice {
  const i = Math.max(0, Math.round(value / step))
  const pmf = new Float64Array(i + 1)
  pmf[i] = 1
  return { step, pmf }
}

export function latticeMean(d: Lattice): number {
  let m = 0
  for (let i = 0; i < d.pmf.length; i++) m += i * d.pmf[i]
  return m * d.step
}

export function latticeVariance(d: Lattice): number {
  const mu = latticeMean(d) / d.step
  let v = 0
  for (let i = 0; i < d.pmf.length; i++) v += (i - mu) * (i - mu) * d.pmf[i]
  return v * d.step * d.step
}

/** P(D <= x). */
export function latticeCdf(d: Lattice, x: number): number {
  const last = Math.min(d.pmf.length - 1, Math.floor(x / d.step + 1e-9))
  let c = 0
  for (let i = 0; i <= last; i++) c += d.pmf[i]
  return Math.min(1, c)
}

/** The smallest stock level (a multiple of the step) whose P(D <= level) reaches p. */
export function latticeQuantile(d: Lattice, p: number): number {
  let c = 0
  for (let i = 0; i < d.pmf.length; i++) {
    c += d.pmf[i]
    if (c >= p - 1e-12) return i * d.step
  }
  return (d.pmf.length - 1) * d.step
}

/** E[(D - x)+]: the expected units short when x units cover the demand (the loss function). */
export function expectedShortage(d: Lattice, x: number): number {
  let s = 0
  for (let i = d.pmf.length - 1; i >= 0; i--) {
    const over = i * d.step - x
    if (over <= 0) break
    s += d.pmf[i] * over
  }
  return s
}

/** The distribution of the sum of two independent demands on the same step. */
export function convolve(a: Lattice, b: Lattice): Lattice {
  if (a.step !== b.step) throw new Error(`convolve: steps differ (${a.step} and ${b.step})`)
  const out = new Float64Array(a.pmf.length + b.pmf.length - 1)
  for (let i = 0; i < a.pmf.length; i++) {
    const pa = a.pmf[i]
    if (pa < 1e-12) continue
    for (let j = 0; j < b.pmf.length; j++) out[i + j] += pa * b.pmf[j]
  }
  return { step: a.step, pmf: out }
}

/** A mixture: with probability weights[k] demand follows parts[k] (all on the same step). */
export function mixture(parts: readonly Lattice[], weights: readonly number[]): Lattice {
  const n = Math.max(...parts.map((p) => p.pmf.length))
  const out = new Float64Array(n)
  parts.forEach((p, k) => {
    if (p.step !== parts[0].step) throw new Error("mixture: steps differ")
    const w = weights[k]
    for (let i = 0; i < p.pmf.length; i++) out[i] += w * p.pmf[i]
  })
  return { step: parts[0].step, pmf: out }
}
