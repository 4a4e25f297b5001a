/**
 * ABC by value: items ranked by the value of their demand; those making the first 80% of it are A,
 * the next 15% B, the last 5% C. XYZ by variability: the coefficient of variation of weekly
 * demand, X up to 0.5 (steady), Y up to 1 (varies), Z above (erratic or intermittent). Weeks,
 * not days: a day's noise would put nearly every item in Z.
 */
export type AbcClass = "A" | "B" | "C"
export type XyzClass = "X" | "Y" | "Z"

export function abcClasses(items: readonly { key: string; value: number }[], shares = { a: 0.8, b: 0.95 }): Map<string, AbcClass> {
  const sorted = [...items].sort((x, y) => y.value - x.value || x.key.localeCompare(y.key))
  const total = sorted.reduce((s, i) => s + Math.max(0, i.value), 0)
  const out = new Map<string, AbcClass>()
  let before = 0
  for (const i of sorted) {
    // an item belongs to the class its first unit of value falls in
    const share = total > 0 ? before / total : 1
    out.set(i.key, share < shares.a ? "A" : share < shares.b ? "B" : "C")
    before += Math.max(0, i.value)
  }
  return out
}

/** Coefficient of variation of whole weeks of daily demand (the most recent days, from the end); null without two weeks. */
export function weeklyVariation(daily: readonly number[]): number | null {
  const weeks: number[] = []
  for (let end = daily.length; end - 7 >= 0; end -= 7) {
    let s = 0
    for (let k = end - 7; k < end; k++) s += daily[k]
    weeks.push(s)
  }
  if (weeks.length < 2) return null
  const m = weeks.reduce((a, b) => a + b, 0) / weeks.length
  if (!(m > 0)) return Infinity
  const sd = Math.sqrt(weeks.reduce((a, w) => a + (w - m) ** 2, 0) / (weeks.length - 1))
  return sd / m
}

export function xyzClass(variation: number | null, limits = { x: 0.5, y: 1 }): XyzClass {
  if (variation === null) return "Z"
  return variation <= limits.x ? "X" : variation <= limits.y ? "Y" : "Z"
}
