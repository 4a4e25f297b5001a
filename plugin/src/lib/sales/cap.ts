import { mul, ratio, type Ratio } from "./exact-ratio"
import { roundHalfUp } from "./rounding"

/**
 * The cap: the most a period's earnings (commission, accelerators, threshold bonuses) may
 * reach, prorated for a part period. It is applied to the rounded lines, so the capped total is
 * the cap to the cent. Clawbacks of closed periods and manual adjustments come after it.
 */
export function capAmount(cap: number | null | undefined, proration: Ratio): number | null {
  if (cap === null || cap === undefined) return null
  return roundHalfUp(mul(ratio(cap), proration))
}

/** The negative amount that brings earnings down to the cap; 0 when under it. */
export function capCut(earnings: number, cap: number | null): number {
  return cap !== null && earnings > cap ? cap - earnings : 0
}
