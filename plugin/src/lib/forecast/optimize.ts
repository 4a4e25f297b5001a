/**
 * Derivative-free minimisers for the few smoothing parameters of a model. The losses are cheap
 * (one pass over the series) but not smooth at the bounds, so Nelder-Mead with an infinite
 * penalty outside the feasible region does better than anything gradient-based here.
 */

export function nelderMead(
  f: (x: number[]) => number,
  x0: number[],
  opts: { step?: number[]; maxEvals?: number; tol?: number } = {}
): { x: number[]; fx: number } {
  const n = x0.length
  const maxEvals = opts.maxEvals ?? 60 * n + 40
  const tol = opts.tol ?? 1e-7
  const simplex: number[][] = [x0.slice()]
  for (let i = 0; i < n; i++) {
    const v = x0.slice()
    v[i] += opts.step?.[i] ?? (Math.abs(v[i]) > 1e-3 ? 0.1 * Math.abs(v[i]) : 0.05)
    simplex.push(v)
  }
  let values = simplex.map(f)
  let evals = n + 1
  const order = () => {
    const idx = values.map((_, i) => i).sort((a, b) => values[a] - values[b])
    const s = idx.map((i) => simplex[i])
    const v = idx.map((i) => values[i])
    for (let i = 0; i <= n; i++) {
      simplex[i] = s[i]
      values[i] = v[i]
    }
  }
  while (evals < maxEvals) {
    order()
    const spread = Math.abs(values[n] - values[0])
    if (Number.isFinite(values[n]) && spread <= tol * (Math.abs(values[0]) + 1e-12)) break
    const centroid = new Array(n).fill(0)
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j] += simplex[i][j] / n
    const along = (t: number) => centroid.map((c, j) => c + t * (simplex[n][j] - c))
    const xr = along(-1)
    const fr = f(xr)
    evals++
    if (fr < values[0]) {
      const xe = along(-2)
      const fe = f(xe)
      evals++
      if (fe < fr) {
        simplex[n] = xe
        values[n] = fe
      } else {
        simplex[n] = xr
        values[n] = fr
      }
    } else if (fr < values[n - 1]) {
      simplex[n] = xr
      values[n] = fr
    } else {
      const outside = fr < values[n]
      const xc = along(outside ? -0.5 : 0.5)
      const fc = f(xc)
      evals++
      if (fc < (outside ? fr : values[n])) {
        simplex[n] = xc
        values[n] = fc
      } else {
        for (let i = 1; i <= n; i++) {
          simplex[i] = simplex[i].map((x, j) => simplex[0][j] + 0.5 * (x - simplex[0][j]))
          values[i] = f(simplex[i])
          evals++
        }
      }
    }
  }
  order()
  return { x: simplex[0], fx: values[0] }
}

/** Golden-section search on [lo, hi] for a one-parameter loss (SES alpha and the like). */
export function goldenSection(f: (x: number) => number, lo: number, hi: number, tol = 1e-4): { x: number; fx: number } {
  const g = (Math.sqrt(5) - 1) / 2
  let a = lo
  let b = hi
  let c = b - g * (b - a)
  let d = a + g * (b - a)
  let fc = f(c)
  let fd = f(d)
  while (b - a > tol) {
    if (fc < fd) {
      b = d
      d = c
      fd = fc
      c = b - g * (b - a)
      fc = f(c)
    } else {
      a = c
      c = d
      fc = fd
      d = a + g * (b - a)
      fd = f(d)
    }
  }
  return fc < fd ? { x: c, fx: fc } : { x: d, fx: fd }
}
