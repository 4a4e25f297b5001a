import { insideWindow } from "./credit"
import { expectedShare, type DemandCurve } from "./demand-curve"
import { dateOfDayNumber, dayNumber, localMidnight, nextDate, type Period } from "./period"
import { measureOf, type Metric, type RepDay, type Reversal } from "./types"

/**
 * A team's (or rep's) cumulative credited figure day by day against the target's expected path
 * on the store's demand curve: the line a wall draws. The actual stops at today; the expected
 * runs to the period's end. Each day's actual is net of the reversals the credit takes back, on
 * the day the order was placed, so the last point equals the credited figure.
 */
export type ProgressPoint = { localDate: string; actual: number | null; expected: number }

export type ProgressInput = {
  period: Period
  curve: DemandCurve
  metric: Metric
  target: number
  repIds: readonly string[]
  days: readonly RepDay[]
  reversals: readonly Reversal[]
  windowDays: (repId: string) => number
  /** today; days after it have no actual */
  asOf: string
}

export function periodProgress(input: ProgressInput): ProgressPoint[] {
  const { period, metric } = input
  const reps = new Set(input.repIds)
  const perDay = new Map<string, number>()
  for (const d of input.days) {
    if (!reps.has(d.repId) || d.localDate < period.start || d.localDate > input.asOf) continue
    perDay.set(d.localDate, (perDay.get(d.localDate) ?? 0) + measureOf(d, metric))
  }
  for (const r of input.reversals) {
    if (!reps.has(r.repId) || r.placedDate < period.start || r.placedDate > input.asOf || r.reversedDate > input.asOf) continue
    if (!insideWindow(r, input.windowDays(r.repId))) continue
    perDay.set(r.placedDate, (perDay.get(r.placedDate) ?? 0) - measureOf(r, metric))
  }
  const out: ProgressPoint[] = []
  let running = 0
  for (let day = dayNumber(period.start); day <= dayNumber(period.end); day++) {
    const localDate = dateOfDayNumber(day)
    running += perDay.get(localDate) ?? 0
    const endMs = localMidnight(nextDate(localDate), period.timezone)
    out.push({ localDate, actual: localDate <= input.asOf ? running : null, expected: input.target * expectedShare(input.curve, endMs) })
  }
  return out
}
