import { Container, Heading, Text } from "@medusajs/ui"
import { useCallback, useEffect, useMemo, useState, type ReactNode } from "react"
import type { Backlog, CycleTimes, FlowRates, SeriesPoint, StageBreaches, TodayIntake } from "../../../../live-client/src/figures"
import { api } from "../../lib/admin-api"
import { adminLocale, formatCount, formatHours, formatRate, formatStoreDate, formatStoreDateTime } from "../../lib/store-time"
import { drawBacklogAge, drawCycleTimes, drawFlowRates, drawTodayIntake, type CycleText, type Size } from "../../lib/wall-charts"
import { Chart, CHART_STYLE } from "./chart"

/** What GET /admin/order-rhythm/rhythm answers, as far as the overview reads it. */
type Rhythm = {
  at: string
  timezone: string
  rates: FlowRates
  backlog: Backlog
  cycleTimes: CycleTimes
  sla: StageBreaches[]
  today: TodayIntake
  series: SeriesPoint[]
}

/** Long enough for a weekly shape in the intake line and a fair sample of cycle times. */
const WINDOW_DAYS = 14
const NO_DATA = "No data yet"

const Panel = ({ title, figure, legend, children }: { title: string; figure?: ReactNode; legend: ReactNode; children: ReactNode }) => (
  <Container className="flex min-w-0 flex-col gap-y-2 px-6 py-4">
    <div className="flex flex-wrap items-baseline justify-between gap-x-4">
      <Heading level="h2">{title}</Heading>
      {figure && <Text className="text-ui-fg-base" size="small" weight="plus">{figure}</Text>}
    </div>
    <Text className="text-ui-fg-subtle" size="small">{legend}</Text>
    {children}
  </Container>
)

const Key = ({ colour, label, line = false }: { colour: string; label: string; line?: boolean }) => (
  <>
    <i className="order-rhythm-legend-key" style={{ background: `var(${colour})`, ...(line ? { height: "0.2rem" } : {}) }} />
    {label}
  </>
)

/**
 * The rhythm at a glance, as the wall shows it: today's intake against what the forecast
 * expected, intake against fulfilment per day, how old the open orders are, and how long orders
 * take to each stage, for the last two weeks on the store's clock.
 */
export const RhythmOverview = () => {
  const [rhythm, setRhythm] = useState<Rhythm | null>(null)
  const [error, setError] = useState<string | null>(null)
  const locale = adminLocale()

  const load = useCallback(async () => {
    const from = new Date(Date.now() - WINDOW_DAYS * 86_400_000).toISOString()
    const { rhythm } = await api<{ rhythm: Rhythm }>(`/admin/order-rhythm/rhythm?granularity=day&from=${encodeURIComponent(from)}`)
    setRhythm(rhythm)
    setError(null)
  }, [])

  useEffect(() => {
    load().catch((e) => setError(e.message))
    const timer = setInterval(() => load().catch((e) => setError(e.message)), 60_000)
    return () => clearInterval(timer)
  }, [load])

  const cycleText = useMemo<CycleText>(
    () => ({
      noData: NO_DATA,
      stages: { firstFulfilment: "First fulfilment", fullFulfilment: "Fulfilled", shipment: "Shipped", delivery: "Delivered" },
      duration: (hours) => formatHours(hours, locale),
      late: (n) => `${formatCount(n, locale)} late`,
    }),
    [locale]
  )
  const today = rhythm?.today ?? null
  const series = rhythm?.series ?? null
  const backlog = rhythm?.backlog ?? null
  const cycleTimes = rhythm?.cycleTimes ?? null
  const sla = rhythm?.sla ?? null
  const drawToday = useCallback((svg: SVGSVGElement, size: Size) => drawTodayIntake(svg, today, size, NO_DATA), [today])
  const drawFlow = useCallback((svg: SVGSVGElement, size: Size) => drawFlowRates(svg, series, size, NO_DATA), [series])
  const drawBacklog = useCallback((svg: SVGSVGElement, size: Size) => drawBacklogAge(svg, backlog, size, NO_DATA), [backlog])
  const drawCycles = useCallback(
    (svg: SVGSVGElement, size: Size) => drawCycleTimes(svg, cycleTimes, sla, size, cycleText),
    [cycleTimes, sla, cycleText]
  )

  return (
    <div className="flex flex-col gap-y-3" data-testid="rhythm-overview">
      <style>{CHART_STYLE}</style>
      <Container className="px-6 py-4">
        <Heading level="h1">Order Rhythm</Heading>
        <Text className="text-ui-fg-subtle">
          The last {WINDOW_DAYS} days on the store's clock
          {rhythm && (
            <>
              {" "}({rhythm.timezone}), as of{" "}
              <time dateTime={rhythm.at} data-testid="rhythm-at">
                {formatStoreDateTime(rhythm.at, rhythm.timezone, locale)}
              </time>
            </>
          )}
          .
        </Text>
        {error && <Text className="text-ui-fg-error">{error}</Text>}
      </Container>
      <div className="grid grid-cols-1 gap-3 xl:grid-cols-2">
        <Panel
          title={today ? `Today, ${formatStoreDate(today.localDate, locale)}` : "Today"}
          figure={today && `${formatCount(today.soFar.actual, locale)} orders so far, ${formatCount(today.soFar.expected, locale)} expected`}
          legend={
            <>
              Orders per hour:
              <Key colour="--tag-green-icon" label="came in" />
              <Key colour="--tag-purple-icon" label="forecast" line />
              <Key colour="--tag-purple-bg" label="usual range" />
            </>
          }
        >
          <Chart testId="chart-today" label="Today's orders per hour against the forecast" draw={drawToday} />
        </Panel>
        <Panel
          title="Intake and fulfilment"
          figure={
            rhythm &&
            `${formatRate(rhythm.rates.intake.ordersPerHour, locale)} orders and ${formatRate(rhythm.rates.fulfilment.fulfilmentsPerHour, locale)} fulfilments an hour`
          }
          legend={
            <>
              Per hour of each day:
              <Key colour="--tag-green-icon" label="orders placed" />
              <Key colour="--tag-blue-icon" label="fulfilments" />
            </>
          }
        >
          <Chart testId="chart-flow" label="Orders placed and fulfilments per hour, by day" draw={drawFlow} />
        </Panel>
        <Panel
          title="Backlog age"
          figure={
            backlog &&
            `${formatCount(backlog.orders, locale)} open orders` +
              (backlog.ageHours.p50 !== null ? `, half older than ${formatHours(backlog.ageHours.p50, locale)}` : "")
          }
          legend={
            <>
              Open orders by how long ago they were placed:
              <Key colour="--tag-orange-icon" label="oldest" />
            </>
          }
        >
          <Chart testId="chart-backlog" label="Open orders by age" draw={drawBacklog} />
        </Panel>
        <Panel
          title="Cycle times"
          legend={
            <>
              From placed to each stage:
              <Key colour="--tag-green-icon" label="half the orders (p50)" />
              <Key colour="--tag-green-bg" label="9 in 10 (p90)" />
              <Key colour="--tag-red-icon" label="SLA target" line />
            </>
          }
        >
          <Chart testId="chart-cycle-times" label="Hours from placed to each stage" draw={drawCycles} />
        </Panel>
      </div>
    </div>
  )
}
