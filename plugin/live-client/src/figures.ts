/**
 * The figures a screen draws, as they travel in the live protocol's rooms: the rhythm engine's
 * results (rates, backlog, cycle times, SLA breaches, heat map, today's intake, series) and the
 * forecast's tracking. The engines in the plugin produce values of these types.
 */

/** Stages an order can reach after being placed. Capture has no fixed place among the others. */
export type Stage = "captured" | "firstFulfilled" | "fulfilled" | "shipped" | "delivered"

/** Stages a store may treat as "done" (first fulfilment never completes an order). */
export type FinalStage = "fulfilled" | "shipped" | "delivered"

/** Stages that can carry a service-level target (the plugin option `slaHours`). */
export type SlaStage = "captured" | FinalStage

export type AgeBucket = {
  fromHours: number
  /** null = open-ended last bucket */
  toHours: number | null
  orders: number
  units: number
}

export type Backlog = {
  orders: number
  units: number
  ageHours: { p50: number | null; p90: number | null; max: number | null }
  ageBuckets: AgeBucket[]
}

export type CycleTime = {
  /** hours from placed to the stage (within DIGEST_RELATIVE_ERROR of the exact percentile) */
  p50: number | null
  p90: number | null
  /** orders that reached the stage */
  n: number
  /**
   * Orders placed in the window, not canceled, that have not reached the stage yet. The
   * percentiles only see finished orders, so a large `pending` next to a fresh window means they
   * read short (the slow ones are still out).
   */
  pending: number
}

export type CycleTimes = {
  firstFulfilment: CycleTime
  fullFulfilment: CycleTime
  shipment: CycleTime
  delivery: CycleTime
  final: CycleTime & { stage: FinalStage }
}

export type FlowRates = {
  /** elapsed hours the rates are divided by */
  hours: number
  intake: { orders: number; units: number; ordersPerHour: number; unitsPerHour: number }
  fulfilment: {
    fulfilments: number
    fulfilmentsPerHour: number
    /** null when any bucket in the window lacks fulfilledUnits: a partial sum would understate it */
    units: number | null
    unitsPerHour: number | null
  }
}

export type HeatMeasure = "orders" | "units"

export type HeatCell = {
  /** ISO weekday, 1 = Monday */
  weekday: number
  /** local hour 0-23 */
  hour: number
  /** how many times this local hour-of-week happened inside the window */
  occurrences: number
  total: number
  /** total / occurrences; null if the hour never occurred in the window */
  average: number | null
}

export type HourOfWeek = { weekday: number; hour: number }

export type HeatMap = {
  measure: HeatMeasure
  /** cells[weekday - 1][hour] */
  cells: HeatCell[][]
  peaks: HourOfWeek[]
  troughs: HourOfWeek[]
  /** the quantile cuts; null when no hour occurred in the window */
  thresholds: { peak: number | null; trough: number | null }
}

export type SeriesPoint = {
  /** first UTC hour of the point (a bucket key) */
  startUtc: string
  localDate: string
  /** "HH:mm" (with offset in the repeated autumn hour) for hours; the local date for days */
  label: string
  /** hours the point covers inside the window: 1 per hour; 23, 24 or 25 for a whole local day */
  hours: number
  orders: number
  units: number
  revenue: Record<string, number>
  fulfilments: number
  cancellations: number
  returns: number
}

export type LateOrder = {
  orderId: string
  channelId: string
  placedAt: string
  ageHours: number
  /** hours past the target */
  overHours: number
}

export type StageBreaches = {
  stage: SlaStage
  targetHours: number
  /** placed in the window and at the stage by now */
  completed: number
  /** of those, later than the target */
  completedLate: number
  /** not at the stage yet and already past the target, whenever they were placed */
  openLate: number
  /** the open-and-late orders, oldest first */
  oldestOpenLate: LateOrder[]
}

export type TodayHour = {
  hourStartUtc: string
  localHour: number
  label: string
  state: "past" | "current" | "future"
  /** null for hours still to come */
  actual: number | null
  expected: number
  lo: number
  hi: number
  /** only judged for finished hours: the hour in progress would always look low */
  outside: "above" | "below" | null
  /** running totals through the end of this hour (actual: through now for the current hour) */
  cumActual: number | null
  cumExpected: number
}

export type TodayIntake = {
  localDate: string
  hours: TodayHour[]
  soFar: {
    actual: number
    /** expected of finished hours plus the elapsed share of the current one */
    expected: number
    /** actual / expected; null before anything was expected */
    ratio: number | null
  }
}

export type TrackingFigures = {
  pairs: number
  mase: number | null
  bias: number | null
  coverage95: number | null
}

export type ForecastTracking = {
  /** the lead time the second horizon stands for */
  leadTimeDays: number
  window: { from: string; to: string }
  h1: TrackingFigures
  leadTime: TrackingFigures
  /** per closed day, oldest first: how the forecasts for that day did */
  byDay: Array<{ date: string; h1: TrackingFigures; leadTime: TrackingFigures }>
}
