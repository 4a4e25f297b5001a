/**
 * A periodic-review, order-up-to inventory simulation (review every period, lead time L, unmet
 * demand backordered). An order placed at review t covers demand of periods t .. t+L, so the
 * cycle it starts ends in a stock-out exactly when that demand exceeds the inventory position
 * after ordering. The cycle service level achieved is the share of cycles without one.
 */
export type PolicyOutcome = { cycles: number; stockOutCycles: number; stockSum: number; stockPeriods: number }

/**
 * `levels[i]` is the order-up-to level set at review `firstReview + i`; demand is the actual
 * series. Counts the cycles whose whole protection interval lies inside the series.
 */
export function simulateOrderUpTo(demand: readonly number[], firstReview: number, levels: readonly number[], leadTime: number): PolicyOutcome {
  const pipeline: number[] = new Array(leadTime).fill(0)
  let net = levels[0] ?? 0
  let position = net
  let cycles = 0
  let stockOutCycles = 0
  let stockSum = 0
  let stockPeriods = 0
  for (let i = 0; i < levels.length; i++) {
    const t = firstReview + i
    net += pipeline.shift() ?? 0
    const q = Math.max(0, levels[i] - position)
    pipeline.push(q)
    position += q
    // the inventory position now has to last until the next order arrives: periods t .. t+L
    if (t + leadTime < demand.length) {
      let d = 0
      for (let k = 0; k <= leadTime; k++) d += demand[t + k]
      cycles++
      if (d > position) stockOutCycles++
    }
    net -= demand[t]
    position -= demand[t]
    stockSum += Math.max(0, net)
    stockPeriods++
  }
  return { cycles, stockOutCycles, stockSum, stockPeriods }
}
