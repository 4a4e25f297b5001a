/**
 * The service level an item actually achieved: the last `days` days cut into review cycles
 * (counted back from the last closed day), and the share of the cycles with demand that had no
 * stock-out day. A day out of stock counts as a cycle with demand even if nothing sold: the
 * demand was there, the stock was not.
 */
export type AchievedServiceLevel = { level: number | null; cycles: number; cyclesWithStockOut: number }

export function achievedServiceLevel(units: readonly number[], outOfStock: readonly (boolean | null)[], reviewDays: number, days = 90): AchievedServiceLevel {
  const R = Math.max(1, Math.round(reviewDays))
  const end = units.length
  const start = Math.max(0, end - days)
  let cycles = 0
  let out = 0
  for (let to = end; to > start; to -= R) {
    const from = Math.max(start, to - R)
    let demand = false
    let stockOut = false
    for (let k = from; k < to; k++) {
      if (units[k] > 0) demand = true
      if (outOfStock[k] === true) stockOut = demand = true
    }
    if (!demand) continue
    cycles++
    if (stockOut) out++
  }
  return { level: cycles ? 1 - out / cycles : null, cycles, cyclesWithStockOut: out }
}
