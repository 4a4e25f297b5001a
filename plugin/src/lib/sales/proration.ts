import { dayNumber, type Period } from "./period"
import { ratio, type Ratio } from "./exact-ratio"

/**
 * A rep who joins or leaves mid-period is measured against the part of the target for the
 * days they could sell, and earns the same part of fixed amounts (threshold bonuses, the cap).
 * Days, not demand: the share a payroll can check with a calendar. Commission on what they sold
 * is not prorated: every order pays.
 */
export type Proration = { activeDays: number; periodDays: number }

export function prorationFor(period: Pick<Period, "start" | "end">, activeFrom?: string | null, activeTo?: string | null): Proration {
  const start = Math.max(dayNumber(period.start), activeFrom ? dayNumber(activeFrom) : -Infinity)
  const end = Math.min(dayNumber(period.end), activeTo ? dayNumber(activeTo) : Infinity)
  return { activeDays: Math.max(0, end - start + 1), periodDays: dayNumber(period.end) - dayNumber(period.start) + 1 }
}

export function prorationFactor(p: Proration): Ratio {
  return p.activeDays >= p.periodDays ? ratio(1) : { n: BigInt(p.activeDays), d: BigInt(p.periodDays) }
}

export const isProrated = (p: Proration) => p.activeDays < p.periodDays
