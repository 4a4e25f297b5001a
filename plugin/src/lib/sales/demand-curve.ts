import { zoneOffsets } from "../rhythm/local-clock"
import { periodEdges, type Period } from "./period"

/**
 * The store's own demand curve over a period: how much of the period's demand is expected by
 * any instant. Elapsed and remaining days are shaped by the store's past weeks, weekday by
 * weekday and hour by hour (a Saturday evening is not a Tuesday morning); days that have a
 * forecast take its daily total, spread over the day's hours by the same shape. So on day 10 of
 * a month whose weekends sell triple, the share expected is not 10/30.
 */

const HOUR_MS = 3_600_000

/** Past demand of the store (credited revenue or orders, the same measure as the forecast). */
export type HourlyDemand = { hourStartMs: number; value: number }

export type WeekShape = {
  timezone: string
  /** mean demand per local weekday-hour: index (isoWeekday - 1) * 24 + hour */
  weights: Float64Array
  /** "uniform" while the store has no history: every hour alike (a straight line) */
  basis: "history" | "uniform"
}

export type DemandCurve = {
  startMs: number
  endMs: number
  /** start of each local hour of the period (23 or 25 on DST days) */
  hourStarts: Float64Array
  /** expected demand before each hour start; the last entry is the period's total */
  cumulative: Float64Array
  basis: WeekShape["basis"]
}

/** Offsets of the store's zone (memoised per UTC day: Intl is slow and a month asks 744 times). */
type Offsets = (utcMs: number) => number

/** Local weekday-hour slot of an instant. */
export function weekSlot(ms: number, offsetAt: Offsets): number {
  const local = new Date(ms + offsetAt(ms) * 60_000)
  const weekday = (local.getUTCDay() + 6) % 7
  return weekday * 24 + local.getUTCHours()
}

/**
 * Mean demand per local weekday-hour over [fromMs, toMs): each slot's total divided by how many
 * times that slot occurred, so a span that holds five Saturdays and four Sundays is not biased.
 */
export function learnWeekShape(history: readonly HourlyDemand[], timezone: string, span: { fromMs: number; toMs: number }): WeekShape {
  const zone = zoneOffsets(timezone)
  const totals = new Float64Array(168)
  const seen = new Float64Array(168)
  for (let t = Math.floor(span.fromMs / HOUR_MS) * HOUR_MS; t < span.toMs; t += HOUR_MS) seen[weekSlot(t, zone)] += 1
  let any = 0
  for (const h of history) {
    if (h.hourStartMs < span.fromMs || h.hourStartMs >= span.toMs) continue
    totals[weekSlot(h.hourStartMs, zone)] += h.value
    any += h.value
  }
  const weights = new Float64Array(168)
  if (any <= 0) return { timezone, weights: weights.fill(1), basis: "uniform" }
  for (let i = 0; i < 168; i++) weights[i] = seen[i] ? totals[i] / seen[i] : 0
  return { timezone, weights, basis: "history" }
}

/** Daily forecast totals by local date, for the days that have one (typically the remaining days). */
export type DailyForecast = ReadonlyMap<string, number>

export function periodDemandCurve(period: Period, shape: WeekShape, forecast?: DailyForecast): DemandCurve {
  const zone = zoneOffsets(period.timezone)
  const { startMs, endMs } = periodEdges(period)
  const n = Math.round((endMs - startMs) / HOUR_MS)
  const hourStarts = new Float64Array(n)
  const expected = new Float64Array(n)
  const dates: string[] = new Array(n)
  for (let i = 0; i < n; i++) {
    const t = startMs + i * HOUR_MS
    hourStarts[i] = t
    expected[i] = shape.weights[weekSlot(t, zone)]
    if (forecast) dates[i] = new Date(t + zone(t) * 60_000).toISOString().slice(0, 10)
  }
  if (forecast && forecast.size) {
    // Scale each forecast day's hours to the forecast total, keeping the day's own hour shape.
    for (let i = 0; i < n; ) {
      let j = i
      while (j < n && dates[j] === dates[i]) j++
      const wanted = forecast.get(dates[i])
      if (wanted !== undefined) {
        let day = 0
        for (let k = i; k < j; k++) day += expected[k]
        for (let k = i; k < j; k++) expected[k] = day > 0 ? (expected[k] * wanted) / day : wanted / (j - i)
      }
      i = j
    }
  }
  const cumulative = new Float64Array(n + 1)
  for (let i = 0; i < n; i++) cumulative[i + 1] = cumulative[i] + expected[i]
  return { startMs, endMs, hourStarts, cumulative, basis: shape.basis }
}

/** Expected demand from the period's start to an instant (linear inside the hour). */
export function expectedBefore(curve: DemandCurve, atMs: number): number {
  if (atMs <= curve.startMs) return 0
  const n = curve.hourStarts.length
  if (atMs >= curve.endMs) return curve.cumulative[n]
  const i = Math.min(n - 1, Math.floor((atMs - curve.startMs) / HOUR_MS))
  const within = (atMs - curve.hourStarts[i]) / HOUR_MS
  return curve.cumulative[i] + within * (curve.cumulative[i + 1] - curve.cumulative[i])
}

/**
 * The share of the demand of [fromMs, toMs) expected by `atMs`: the whole period by default, or
 * the days a rep was active. Falls back to the share of time when no demand is expected at all.
 */
export function expectedShare(curve: DemandCurve, atMs: number, fromMs = curve.startMs, toMs = curve.endMs): number {
  const lo = expectedBefore(curve, fromMs)
  const whole = expectedBefore(curve, toMs) - lo
  if (whole <= 0) return toMs > fromMs ? clamp01((atMs - fromMs) / (toMs - fromMs)) : 1
  return clamp01((expectedBefore(curve, atMs) - lo) / whole)
}

/** The expected share at the end of each local day: the line a wall draws the team's actual against. */
export function dailyExpectedShares(curve: DemandCurve, dayEndsMs: readonly number[]): number[] {
  return dayEndsMs.map((t) => expectedShare(curve, t))
}

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x)
