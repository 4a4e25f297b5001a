import type { LiveState } from "@order-rhythm/live-client"
import type { Backlog, CycleTimes, FlowRates, HeatMap, SeriesPoint, StageBreaches, TickerOrder, TodayIntake, TodayTotals } from "@order-rhythm/live-client"
import { joinRows, wallRoom } from "@order-rhythm/live-client"

/** What the Rhythm view reads from its wall room; null wherever the server has sent nothing. */
export type WallData = {
  rates: FlowRates | null
  backlog: Backlog | null
  cycleTimes: CycleTimes | null
  sla: StageBreaches[] | null
  heatMap: HeatMap | null
  today: TodayIntake | null
  series: SeriesPoint[] | null
  totals: TodayTotals | null
  ticker: TickerOrder[] | null
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v)

/**
 * The values arrive as `unknown` on the wire. A shape check per key (not a full validation) keeps
 * a half-built or older server from crashing the wall: a key that does not look right reads as
 * "no data yet", which is what the screen then honestly says.
 */
export function wallData(live: LiveState, channel: string | undefined): WallData {
  const room = live.rooms[wallRoom(channel)] ?? {}
  // The big values arrive in rows, the ticker in entries (the live client's row-keys).
  const rhythm = joinRows(room.rhythm ?? {})
  const pick = <T>(value: unknown, looksRight: (v: Record<string, unknown>) => boolean): T | null =>
    isObject(value) && looksRight(value) ? (value as T) : null
  const list = <T>(value: unknown): T[] | null => (Array.isArray(value) ? (value as T[]) : null)
  return {
    rates: pick<FlowRates>(rhythm.rates, (v) => isObject(v.intake) && isObject(v.fulfilment)),
    backlog: pick<Backlog>(rhythm.backlog, (v) => Array.isArray(v.ageBuckets) && isObject(v.ageHours)),
    cycleTimes: pick<CycleTimes>(rhythm.cycleTimes, (v) => ["firstFulfilment", "fullFulfilment", "shipment", "delivery", "final"].every((k) => isObject(v[k]))),
    sla: list<StageBreaches>(rhythm.sla),
    heatMap: pick<HeatMap>(rhythm.heatMap, (v) => Array.isArray(v.cells) && Array.isArray(v.peaks) && Array.isArray(v.troughs)),
    today: pick<TodayIntake>(rhythm.today, (v) => Array.isArray(v.hours)),
    series: list<SeriesPoint>(rhythm.series),
    totals: pick<TodayTotals>(room.totals?.today, (v) => typeof v.orders === "number" && isObject(v.revenue) && isObject(v.lastWeek)),
    // One key per order, listed by id; an entry not (yet) held is left out rather than drawn blank.
    ticker: list<TickerOrder>(joinRows(room.ticker ?? {}).latest)?.filter(isObject) ?? null,
  }
}
