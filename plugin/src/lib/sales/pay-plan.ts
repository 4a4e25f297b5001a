import { periodsOverlap, type Period } from "./period"
import type { Metric } from "./types"

/**
 * An incentive plan's version: what it pays on, its tier table and the rules around it. A plan
 * changes by a new version; a period's statement names the version it was paid under.
 *
 * Rates are per unit of the plan's metric: for credited revenue a fraction of it (0.03 is 3%),
 * for orders, units or new customers an amount in minor units for each one (500 is 5.00 an
 * order). Attainment edges are fractions of the target (1 is 100%). Rates and edges may be given
 * as decimal text ("0.035") and are used exactly as written.
 */
export type Decimal = number | string

export type Tier = {
  /** attainment where the tier starts (inclusive): reaching it exactly reaches the tier */
  from: Decimal
  /** where the next tier starts; null for the last, open tier */
  to: Decimal | null
  rate: Decimal
}

export type Accelerator = {
  /** attainment above which the rate is multiplied, up to the next accelerator's start */
  from: Decimal
  /** 1.5 pays half as much again on what is earned above `from` */
  multiplier: Decimal
}

export type ThresholdBonus = {
  /** attainment that earns it (inclusive) */
  at: Decimal
  /** minor units, prorated for part periods */
  amount: number
}

export type ClawbackRule = {
  /** a cancellation or return this many days or fewer after placement takes the credit back */
  windowDays: number
  /** a reversal after the period closed: taken back in the next open period, or not at all */
  afterClose: "next_open_period" | "none"
}

export type PlanVersion = {
  id: string
  planId: string
  version: number
  metric: Metric
  /** flat: all of it at the reached tier's rate; marginal: each band at its own rate */
  tierMode: "flat" | "marginal"
  tiers: Tier[]
  accelerators?: Accelerator[]
  thresholdBonuses?: ThresholdBonus[]
  /** most a period's earnings can reach, in minor units (prorated); null: no cap */
  cap?: number | null
  clawback: ClawbackRule
  /** reporting currency of the amounts, e.g. "cny" */
  currency: string
  /** whether a team's wall may show pay (part of the plan, read by the live rooms) */
  payIsPublic?: boolean
}

/** A plan version assigned to a rep for a span of local days. */
export type PlanAssignment = {
  repId: string
  planVersionId: string
  from: string
  /** inclusive; null while it runs */
  to: string | null
}

/**
 * The version a rep is paid under in a period: of the assignments that touch the period, the
 * one that starts last, so a rep moved to a new plan mid-period is paid under the new one for
 * the whole period (one statement, one version; the change shows on the next statement).
 */
export function planFor(repId: string, period: Period, assignments: readonly PlanAssignment[], versions: ReadonlyMap<string, PlanVersion>): PlanVersion | null {
  let best: PlanAssignment | null = null
  for (const a of assignments) {
    if (a.repId !== repId || !periodsOverlap(period, { start: a.from, end: a.to ?? "9999-12-31" })) continue
    if (!best || a.from > best.from) best = a
  }
  return best ? versions.get(best.planVersionId) ?? null : null
}
