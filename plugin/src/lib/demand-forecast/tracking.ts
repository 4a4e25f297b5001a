/**
 * Forecast against actual, as the figures the engine reports for its backtest: MASE (errors over
 * the variant's in-sample seasonal-naive MAE, so big and small sellers weigh alike), bias
 * (forecast minus actual over the actual) and 95% interval coverage. Sums first, figures last:
 * the database can add the sums over 10,000 variants and only the few totals travel.
 */
import type { TrackingFigures, ForecastTracking } from "../../../live-client/src/figures"
export type { TrackingFigures, ForecastTracking }

export type TrackedPoint = {
  target_date: string
  horizon: number
  forecast: number
  lo95: number
  hi95: number
  actual: number | null
  /** false = out of stock that day: the actual is a floor, not demand, and is not scored */
  in_stock: boolean | null
  scale: number | null
}

export type TrackingSums = {
  pairs: number
  /** sum of |actual - forecast| / scale over the pairs whose variant has a scale */
  scaledError: number
  scaledPairs: number
  /** sum of forecast - actual */
  error: number
  /** sum of |actual| */
  actual: number
  inside95: number
}

export const emptySums = (): TrackingSums => ({ pairs: 0, scaledError: 0, scaledPairs: 0, error: 0, actual: 0, inside95: 0 })

export function isScored(p: TrackedPoint): boolean {
  return p.actual !== null && p.in_stock !== false
}

export function addPoint(sums: TrackingSums, p: TrackedPoint): TrackingSums {
  if (!isScored(p)) return sums
  const actual = p.actual as number
  const scaled = p.scale !== null && p.scale > 0
  return {
    pairs: sums.pairs + 1,
    scaledError: sums.scaledError + (scaled ? Math.abs(actual - p.forecast) / (p.scale as number) : 0),
    scaledPairs: sums.scaledPairs + (scaled ? 1 : 0),
    error: sums.error + (p.forecast - actual),
    actual: sums.actual + Math.abs(actual),
    inside95: sums.inside95 + (actual >= p.lo95 && actual <= p.hi95 ? 1 : 0),
  }
}

export function addSums(a: TrackingSums, b: TrackingSums): TrackingSums {
  return {
    pairs: a.pairs + b.pairs,
    scaledError: a.scaledError + b.scaledError,
    scaledPairs: a.scaledPairs + b.scaledPairs,
    error: a.error + b.error,
    actual: a.actual + b.actual,
    inside95: a.inside95 + b.inside95,
  }
}

export function trackingFigures(s: TrackingSums): TrackingFigures {
  return {
    pairs: s.pairs,
    mase: s.scaledPairs ? s.scaledError / s.scaledPairs : null,
    bias: s.pairs && s.actual > 0 ? s.error / s.actual : null,
    coverage95: s.pairs ? s.inside95 / s.pairs : null,
  }
}

/** Sums per target day and horizon, as the database returns them for the overall figures. */
export type DailySums = TrackingSums & { target_date: string; horizon: number }

export function sumsByDay(points: readonly TrackedPoint[]): DailySums[] {
  const byKey = new Map<string, DailySums>()
  for (const p of points) {
    if (!isScored(p)) continue
    const key = `${p.target_date}|${p.horizon}`
    const prev = byKey.get(key) ?? { ...emptySums(), target_date: p.target_date, horizon: p.horizon }
    byKey.set(key, { ...addPoint(prev, p), target_date: p.target_date, horizon: p.horizon })
  }
  return [...byKey.values()].sort((a, b) => a.target_date.localeCompare(b.target_date) || a.horizon - b.horizon)
}

/** The whole window's figures and the day-by-day line, from per-day sums. */
export function forecastTracking(days: readonly DailySums[], leadTimeDays: number, window: { from: string; to: string }): ForecastTracking {
  let h1 = emptySums()
  let lead = emptySums()
  const perDay = new Map<string, { h1: TrackingSums; lead: TrackingSums }>()
  for (const d of days) {
    if (d.target_date < window.from || d.target_date > window.to) continue
    const row = perDay.get(d.target_date) ?? { h1: emptySums(), lead: emptySums() }
    // with a one-day lead time the two horizons are the same forecasts
    if (d.horizon === 1) {
      h1 = addSums(h1, d)
      row.h1 = addSums(row.h1, d)
    }
    if (d.horizon === leadTimeDays) {
      lead = addSums(lead, d)
      row.lead = addSums(row.lead, d)
    }
    perDay.set(d.target_date, row)
  }
  return {
    leadTimeDays,
    window,
    h1: trackingFigures(h1),
    leadTime: trackingFigures(lead),
    byDay: [...perDay.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([date, row]) => ({ date, h1: trackingFigures(row.h1), leadTime: trackingFigures(row.lead) })),
  }
}
