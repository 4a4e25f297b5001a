import type { Backlog, CycleTimes, HeatMap, SeriesPoint, StageBreaches, TickerOrder, TodayIntake, TodayTotals } from "@order-rhythm/live-client"

// Shapes as the rhythm engine emits them, for the chart tests and the static preview.

export function todayFixture(): TodayIntake {
  const hours = Array.from({ length: 24 }, (_, h) => {
    const expected = 4 + 6 * Math.sin((Math.PI * Math.max(0, h - 6)) / 16) ** 2
    const state = h < 14 ? "past" : h === 14 ? "current" : "future"
    const actual = state === "future" ? null : Math.round(expected * (h === 11 ? 1.9 : 1.05))
    return {
      hourStartUtc: new Date(Date.UTC(2025, 5, 1, 22 + h)).toISOString(),
      localHour: h,
      label: `${String(h).padStart(2, "0")}:00`,
      state,
      actual,
      expected,
      lo: expected * 0.6,
      hi: expected * 1.5,
      outside: h === 11 ? "above" : null,
      cumActual: null,
      cumExpected: 0,
    } as TodayIntake["hours"][number]
  })
  return { localDate: "2025-06-02", hours, soFar: { actual: 120, expected: 110, ratio: 120 / 110 } }
}

export function seriesFixture(): SeriesPoint[] {
  return Array.from({ length: 14 }, (_, d) => ({
    startUtc: new Date(Date.UTC(2025, 4, 19 + d, 22)).toISOString(),
    localDate: new Date(Date.UTC(2025, 4, 20 + d)).toISOString().slice(0, 10),
    label: new Date(Date.UTC(2025, 4, 20 + d)).toISOString().slice(0, 10),
    hours: d === 6 ? 25 : 24,
    orders: 200 + 40 * Math.sin(d),
    units: 400,
    revenue: { eur: 9000 },
    fulfilments: 190 + 30 * Math.cos(d),
    cancellations: 3,
    returns: 2,
  }))
}

export function backlogFixture(): Backlog {
  const edges = [0, 4, 8, 24, 48, 72, 168]
  const counts = [40, 22, 31, 9, 4, 2, 1]
  return {
    orders: 109,
    units: 230,
    ageHours: { p50: 6.5, p90: 30, max: 190 },
    ageBuckets: edges.map((from, i) => ({ fromHours: from, toHours: edges[i + 1] ?? null, orders: counts[i] ?? 0, units: 0 })),
  }
}

export function cycleTimesFixture(): CycleTimes {
  return {
    firstFulfilment: { p50: 5, p90: 20, n: 300, pending: 20 },
    fullFulfilment: { p50: 8, p90: 30, n: 290, pending: 25 },
    shipment: { p50: 12, p90: 40, n: 280, pending: 30 },
    delivery: { p50: null, p90: null, n: 0, pending: 0 },
    final: { p50: 12, p90: 40, n: 280, pending: 30, stage: "shipped" },
  }
}

export function slaFixture(): StageBreaches[] {
  return [
    { stage: "captured", targetHours: 2, completed: 300, completedLate: 3, openLate: 0, oldestOpenLate: [] },
    { stage: "fulfilled", targetHours: 24, completed: 290, completedLate: 20, openLate: 7, oldestOpenLate: [] },
    { stage: "shipped", targetHours: 36, completed: 280, completedLate: 25, openLate: 9, oldestOpenLate: [] },
  ]
}

export function heatMapFixture(): HeatMap {
  const cells = Array.from({ length: 7 }, (_, w) =>
    Array.from({ length: 24 }, (_, hour) => {
      const average = hour < 7 ? 0.2 : 3 + 5 * Math.sin((Math.PI * (hour - 7)) / 17) + (w === 5 ? 3 : 0)
      return { weekday: w + 1, hour, occurrences: 4, total: average * 4, average }
    })
  )
  return {
    measure: "orders",
    cells,
    peaks: [
      { weekday: 6, hour: 15 },
      { weekday: 6, hour: 16 },
    ],
    troughs: [
      { weekday: 1, hour: 3 },
      { weekday: 2, hour: 4 },
    ],
    thresholds: { peak: 10, trough: 0.2 },
  }
}

export function totalsFixture(): TodayTotals {
  return {
    localDate: "2025-06-02",
    asOf: "2025-06-02T12:30:00Z",
    orders: 1284,
    units: 3120,
    revenue: { eur: 48210.5, usd: 9120 },
    lastWeek: { orders: 1190, units: 2900, revenue: { eur: 45100, usd: 10200 } },
  }
}

export function tickerFixture(): TickerOrder[] {
  return Array.from({ length: 20 }, (_, i) => ({
    orderId: `order_${i}`,
    displayId: 5000 - i,
    placedAt: new Date(Date.UTC(2025, 5, 2, 12, 30 - i)).toISOString(),
    channelId: "sc_1",
    units: 1 + (i % 4),
    amount: 19.9 * (1 + (i % 4)),
    currency: i % 3 === 0 ? "usd" : "eur",
    items: [
      { title: "Linen shirt", quantity: 1 + (i % 2) },
      { title: "Canvas tote", quantity: 1 },
    ].slice(0, 1 + (i % 2)),
    canceled: i === 4,
  }))
}
