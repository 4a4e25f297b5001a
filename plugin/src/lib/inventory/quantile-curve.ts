/**
 * A smooth item's demand total read straight off the forecast's quantiles: the quantile is taken
 * as piecewise linear in the normal score z between the given levels, so a row that is exactly
 * normal stays normal and a skewed row keeps its skew. Below the median (no levels there; stock
 * decisions never look) the first segment's slope mirrors down; above the top level the last
 * segment's slope carries on.
 */
import { normalCdfFast, normalQuantile } from "./normal"

export type QuantileCurve = { z: number[]; q: number[]; lowSlope: number; highSlope: number }

/** The normal scores of a grid of levels; grids are few and shared, so each is computed once. */
const scores = new WeakMap<readonly number[], number[]>()

function scoresOf(levels: readonly number[]): number[] {
  let z = scores.get(levels)
  if (!z) scores.set(levels, (z = levels.map((p) => normalQuantile(p))))
  return z
}

export function quantileCurve(levels: readonly number[], quantiles: readonly number[]): QuantileCurve {
  const z = scoresOf(levels)
  const q: number[] = []
  quantiles.forEach((v, j) => q.push(j === 0 ? v : Math.max(v, q[j - 1])))
  const n = q.length
  const slope = (a: number, b: number) => (z[b] > z[a] ? (q[b] - q[a]) / (z[b] - z[a]) : 0)
  return { z, q, lowSlope: n > 1 ? slope(0, 1) : 0, highSlope: n > 1 ? slope(n - 2, n - 1) : 0 }
}

/** The demand level at normal score z. */
export function curveAt(c: QuantileCurve, z: number): number {
  const n = c.q.length
  if (z <= c.z[0]) return c.q[0] + (z - c.z[0]) * c.lowSlope
  if (z >= c.z[n - 1]) return c.q[n - 1] + (z - c.z[n - 1]) * c.highSlope
  let j = 1
  while (c.z[j] < z) j++
  const w = (z - c.z[j - 1]) / (c.z[j] - c.z[j - 1])
  return c.q[j - 1] + w * (c.q[j] - c.q[j - 1])
}

/** P(D <= x) of the continuous curve. */
export function curveCdf(c: QuantileCurve, x: number): number {
  const n = c.q.length
  if (x < c.q[0]) return c.lowSlope > 0 ? normalCdfFast(c.z[0] + (x - c.q[0]) / c.lowSlope) : 0
  if (x >= c.q[n - 1]) return c.highSlope > 0 ? normalCdfFast(c.z[n - 1] + (x - c.q[n - 1]) / c.highSlope) : 1
  let j = 1
  while (c.q[j] <= x) j++
  const dq = c.q[j] - c.q[j - 1]
  return normalCdfFast(c.z[j - 1] + ((x - c.q[j - 1]) / dq) * (c.z[j] - c.z[j - 1]))
}

/** Whole units: P(D <= k) for integer k, with the half-unit continuity correction. */
export function curveUnitsCdf(c: QuantileCurve): (k: number) => number {
  return (k) => curveCdf(c, k + 0.5)
}

/** A level the demand stays below with probability ~1 - 1e-5. */
export function curveUpper(c: QuantileCurve): number {
  return Math.max(0, curveAt(c, 4.27))
}

/** A level the demand stays above with probability ~1 - 1e-5 (never below zero). */
export function curveLower(c: QuantileCurve): number {
  return Math.max(0, curveAt(c, -4.27))
}
