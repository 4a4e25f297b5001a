/**
 * One item under a periodic-review (R = 1 period) reorder policy, on its real demand, with lost
 * sales when out of stock. Each period: what arrives is received, the position (on hand + on
 * order) is reviewed against s and an order placed up to S if at or below it, then the period's
 * demand is served from stock and what cannot be is lost. The planner sees only what the store
 * would: past sales and which periods ran out (their sales are censored demand).
 *
 * Replenishment cycles run from one arrival to the next; a cycle had a stock-out if any demand
 * was lost in it. Each cycle is credited with the service level its order's s predicted.
 */
import type { LeadTimePoint } from "../../../plugin/src/lib/inventory"
import { seededRandom } from "../../../plugin/src/test-support/seeded-random"

export type Plan = { s: number; S: number; predictedCsl: number; predictedFill: number }
export type Planner = (t: number, sales: readonly number[], inStock: readonly (boolean | null)[]) => Plan

export type Outcome = {
  cycles: number
  stockOutCycles: number
  /** sum over the counted cycles of the service level their s predicted */
  predictedSum: number
  /** sum over periods of the demand times the fill rate the s in force predicted */
  predictedFillSum: number
  demand: number
  lost: number
  stockSum: number
  periods: number
}

export const emptyOutcome = (): Outcome => ({ cycles: 0, stockOutCycles: 0, predictedSum: 0, predictedFillSum: 0, demand: 0, lost: 0, stockSum: 0, periods: 0 })

export function addOutcome(a: Outcome, b: Outcome): Outcome {
  return {
    cycles: a.cycles + b.cycles,
    stockOutCycles: a.stockOutCycles + b.stockOutCycles,
    predictedSum: a.predictedSum + b.predictedSum,
    predictedFillSum: a.predictedFillSum + b.predictedFillSum,
    demand: a.demand + b.demand,
    lost: a.lost + b.lost,
    stockSum: a.stockSum + b.stockSum,
    periods: a.periods + b.periods,
  }
}

/** A seeded generator: the same lead times for every policy on the same item. */
export const seeded = seededRandom

export function hashSeed(text: string): number {
  let h = 2166136261
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619)
  return h >>> 0
}

function drawLeadTime(points: readonly LeadTimePoint[], u: number): number {
  let c = 0
  for (const p of points) {
    c += p.weight
    if (u < c) return p.days
  }
  return points[points.length - 1].days
}

export function simulateItem(demand: readonly number[], start: number, end: number, plan: Planner, leadTime: readonly LeadTimePoint[], rng: () => number): Outcome {
  const sales = demand.slice(0, start) as number[]
  const inStock: (boolean | null)[] = new Array(start).fill(null)
  const arriving = new Map<number, number>()
  const orders: { arrival: number; predicted: number }[] = []
  const lostAt: number[] = []
  let onHand = -1
  let onOrder = 0
  const out = emptyOutcome()
  for (let t = start; t < end; t++) {
    const got = arriving.get(t) ?? 0
    onHand += got
    onOrder -= got
    const p = plan(t, sales, inStock)
    if (onHand < 0) onHand = p.S // the simulation starts with the first plan's S on hand
    const position = onHand + onOrder
    if (position <= p.s) {
      const q = p.S - position
      const lead = drawLeadTime(leadTime, rng())
      if (lead === 0) onHand += q
      else {
        arriving.set(t + lead, (arriving.get(t + lead) ?? 0) + q)
        onOrder += q
      }
      orders.push({ arrival: t + lead, predicted: p.predictedCsl })
    }
    const d = demand[t]
    const sold = Math.min(d, onHand)
    onHand -= sold
    sales.push(sold)
    // the store sees only that the shelf was empty, not whether anyone wanted more: censored either way
    inStock.push(onHand > 0)
    lostAt.push(d - sold)
    out.demand += d
    out.predictedFillSum += d * p.predictedFill
    out.lost += d - sold
    out.stockSum += onHand
    out.periods++
  }
  orders.sort((a, b) => a.arrival - b.arrival)
  let from = start
  for (const o of orders) {
    if (o.arrival > end) break
    let short = false
    for (let t = from; t < o.arrival; t++) if (lostAt[t - start] > 0) short = true
    out.cycles++
    if (short) out.stockOutCycles++
    out.predictedSum += o.predicted
    from = o.arrival
  }
  return out
}
