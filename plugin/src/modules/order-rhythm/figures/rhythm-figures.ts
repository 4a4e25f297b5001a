import { DateTime } from "luxon"
import { forecastScaledCurve, seasonalProfileCurve } from "../../../lib/rhythm"
import type { PluginOptions } from "../../../lib/options"
import type { ModuleDb } from "../module-db"
import type { VariantForecasts } from "../forecast/variant-forecasts"
import { readIntakeTotals } from "../store/read-rhythm"
import { readRhythmInput } from "../store/rhythm-input"
import { ClosedHourCache } from "../store/closed-hours"
import { storeClosedHours } from "../store/read-recent-hours"
import { flowDigestsReady } from "../store/flow-digest-rebuild"
import { readRateBook } from "../store/exchange-rates"
import { readTicker, readTodayTotals } from "../store/read-live"
import { EXPECTED_WEEKS, rhythmReport, RhythmInputReader, RhythmParams } from "./rhythm-report"
import { TotalsSpan, WallFigurePart, wallFigureParts } from "./wall-figures"

const WEEK_MS = 7 * 24 * 3_600_000

/**
 * The figures the plugin shows: a rhythm report for the REST API and the wall, and each live
 * room's values (the wall's, the inventory rooms'). Reads only; what they read is kept current
 * by ingestion and forecasting.
 */
export class RhythmFigures {
  /** This process's copy of the hours that are over, for the rhythm reads (see store/closed-hours). */
  readonly closedHours: ClosedHourCache
  /** Once the stored cycle-time digests are complete they stay so (ingests keep them): cached. */
  private digestsReady = false

  constructor(
    private readonly db: ModuleDb,
    private readonly options: PluginOptions,
    /** Demand forecasts, for today's expected curve and the inventory rooms' tracking. */
    private readonly forecasts: () => VariantForecasts
  ) {
    this.closedHours = new ClosedHourCache(storeClosedHours((read) => db.read(read)))
  }

  /** The rhythm of a window as the REST API and the wall read it (see ./rhythm-report). */
  rhythm(params: RhythmParams) {
    return rhythmReport(this.options, (filter) => this.readRhythmInput(filter), params, (input) => this.forecastCurve(input, params))
  }

  /** The figures of one room, as the live protocol names them, in parts (see live/live-hub RoomFigures). */
  roomFigures(room: string): WallFigurePart[] {
    if (room === "wall") return this.wallFigureParts(undefined)
    if (room.startsWith("wall:channel:")) return this.wallFigureParts(room.slice("wall:channel:".length))
    // The rest of the inventory figures arrive with the inventory policy.
    if (room === "inventory") return [async () => ({ forecast: { tracking: await this.forecasts().tracking() } })]
    if (room.startsWith("inventory:location:")) {
      const location = room.slice("inventory:location:".length)
      return [async () => ({ forecast: { tracking: await this.forecasts().tracking(location) } })]
    }
    return []
  }

  /** Everything a wall room shows, in parts (see ./wall-figures). */
  wallFigureParts(channel: string | undefined, now = () => new Date()): WallFigurePart[] {
    return wallFigureParts(
      {
        timezone: this.options.timezone,
        readTickerOrders: (ch) => this.db.read((knex) => readTicker(knex, ch)),
        readTotals: (ch, span: TotalsSpan) => this.db.read((knex) => readTodayTotals(knex, ch, span)),
        rhythm: (params) => this.rhythm(params),
        readRateBook: () => this.db.read(readRateBook),
      },
      channel,
      now
    )
  }

  /** What a rhythm report reads (see store/rhythm-input); the cohort from the digests once they are complete. */
  private readRhythmInput(filter: Parameters<RhythmInputReader>[0]) {
    return this.db.read(async (knex) => {
      this.digestsReady ||= await flowDigestsReady(knex, this.options.slaHours)
      return readRhythmInput(knex, filter, { ...this.options, digested: this.digestsReady, closedHours: this.closedHours })
    })
  }

  /**
   * Today's expected intake from the demand forecasts, when there are any. Forecasts are per
   * variant and location, not per channel: a channel's view keeps the seasonal profile.
   */
  private async forecastCurve(
    input: { buckets: Parameters<typeof seasonalProfileCurve>[0]; coverageStartUtc?: string | null },
    params: { nowUtc: string; channels?: string[] }
  ) {
    if (params.channels?.length) return undefined
    const today = DateTime.fromISO(params.nowUtc, { zone: this.options.timezone }).toISODate()!
    const units = await this.forecasts().unitsByDay([today])
    if (units[today] === undefined) return undefined
    const shape = seasonalProfileCurve(input.buckets, { weeks: EXPECTED_WEEKS, coverageStartUtc: input.coverageStartUtc ?? undefined })
    const window = { fromUtc: new Date(Date.parse(params.nowUtc) - EXPECTED_WEEKS * WEEK_MS).toISOString(), toUtc: params.nowUtc }
    const intake = await this.db.read((knex) => readIntakeTotals(knex, window))
    return forecastScaledCurve(shape, units, intake.units > 0 ? intake.orders / intake.units : null)
  }
}
