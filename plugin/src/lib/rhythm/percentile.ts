// The one percentile used across the rhythm engine, so p50/p90 mean the same thing on every
// figure: linear interpolation between closest ranks (numpy's default, Hyndman & Fan type 7).

/** p in [0, 1]; null for no values. `sorted` must be ascending. */
export function percentileOfSorted(sorted: readonly number[], p: number): number | null {
  const n = sorted.length
  if (n === 0) return null
  if (p <= 0) return sorted[0]
  if (p >= 1) return sorted[n - 1]
  const h = (n - 1) * p
  const lo = Math.floor(h)
  const hi = Math.min(lo + 1, n - 1)
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo])
}

export function percentile(values: readonly number[], p: number): number | null {
  return percentileOfSorted(ascending(values), p)
}

export function ascending(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b)
}
