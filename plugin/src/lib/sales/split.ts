/**
 * Split credit: one order credited to several reps by shares (percent, summing to 100).
 * Revenue is whole minor units, so the parts are allotted by largest remainder: they always add
 * up to the order's revenue, and no rep gets a cent more than their share rounds to. Counts
 * (orders, units, new customers) are split as fractions: a 60/40 order is 0.6 of an order.
 */
export type Share = { repId: string; percent: number }

export type SplitPart = { repId: string; fraction: number; revenue: number }

export function splitRevenue(revenue: number, shares: readonly Share[]): SplitPart[] {
  if (shares.length === 1) return [{ repId: shares[0].repId, fraction: 1, revenue }]
  // A negative amount (a correction) splits like its magnitude, so the parts still add up.
  if (revenue < 0) return splitRevenue(-revenue, shares).map((p) => ({ ...p, revenue: -p.revenue }))
  const total = shares.reduce((s, x) => s + x.percent, 0)
  const exact = shares.map((s) => (revenue * s.percent) / total)
  const parts = exact.map((x) => Math.floor(x))
  let left = revenue - parts.reduce((s, x) => s + x, 0)
  // Largest remainder first; ties go to the earlier share, so the result is stable.
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i)
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[order[k].i] += 1
  return shares.map((s, i) => ({ repId: s.repId, fraction: s.percent / total, revenue: parts[i] }))
}
