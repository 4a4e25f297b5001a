/**
 * Service levels of a whole-unit reorder point s against the demand it must cover before the
 * order arrives (lead-time demand plus undershoot, `protection`):
 * - cycle service level: P(no stock-out in a replenishment cycle) = P(protection <= s);
 * - fill rate: the share of demand served from stock, 1 - E[(protection - s)+] / (units demanded
 *   per cycle), the loss-function route (for normal demand E[(D - s)+] = sigma G(k));
 *   a cycle's demand is the order quantity plus the mean undershoot.
 * For an integer s these are the levels it actually predicts, not the target asked for.
 */
import { expectedShortage, latticeCdf, latticeMean, latticeQuantile, type Lattice } from "./lattice"

export type ServiceTarget = { kind: "cycle_service_level" | "fill_rate"; level: number }

export function cycleServiceLevel(protection: Lattice, s: number): number {
  return latticeCdf(protection, s)
}

export function fillRate(protection: Lattice, s: number, unitsPerCycle: number): number {
  if (!(unitsPerCycle > 0)) return 1
  return Math.max(0, 1 - expectedShortage(protection, s) / unitsPerCycle)
}

/** Units demanded per replenishment cycle: the order quantity plus what the position undershot s by. */
export function unitsPerCycle(orderQuantity: number, undershoot: Lattice): number {
  return orderQuantity + latticeMean(undershoot)
}

/**
 * Whole units make service levels jump. "at_least" takes the smallest s that meets the target
 * (every item at or above it, at the price of more stock); "nearest" the s whose predicted level
 * is closest to the target, so that over many items the level averages out at the target (a slow
 * mover's next unit can move it by several points either way).
 */
export type Rounding = "nearest" | "at_least"

export function levelOf(protection: Lattice, target: ServiceTarget, perCycle: number, s: number): number {
  return target.kind === "cycle_service_level" ? cycleServiceLevel(protection, s) : fillRate(protection, s, perCycle)
}

export function reorderPointFor(protection: Lattice, target: ServiceTarget, perCycle: number, rounding: Rounding = "at_least"): number {
  const s = smallestMeeting(protection, target, perCycle)
  if (rounding === "at_least" || s <= 0) return s
  const below = levelOf(protection, target, perCycle, s - 1)
  return target.level - below < levelOf(protection, target, perCycle, s) - target.level ? s - 1 : s
}

/** The smallest whole-unit reorder point that meets the target. */
function smallestMeeting(protection: Lattice, target: ServiceTarget, perCycle: number): number {
  if (target.kind === "cycle_service_level") return latticeQuantile(protection, target.level)
  // fill rate rises with s: bisect over whole units
  let lo = protection.lo * protection.step
  let hi = (protection.lo + protection.pmf.length - 1) * protection.step
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2)
    if (fillRate(protection, mid, perCycle) >= target.level - 1e-12) hi = mid
    else lo = mid + 1
  }
  return lo
}
