/**
 * The forecast work of the module: fits (weekly selection, nightly refit, on demand) in worker
 * threads, the cheap fold of closed days, and the reads the API, the wall and the live rooms make.
 * It reaches the database only through `ForecastDb`, which the module service provides, so the
 * service stays small and this file holds the one idea "keep every variant's forecast current".
 */
import { DateTime } from "luxon"
import { rowId } from "../store/row-id"
import type { Logger } from "@medusajs/framework/types"
import type { PluginOptions } from "../../../lib/options"
import {
  addDays,
  dailySeries,
  foldClosedDays,
  forecastTracking,
  forecastView,
  poolSelected,
  forecastWorkDue,
  lastClosedDay,
  meanAhead,
  seriesKey,
  sumsByDay,
  trackedPoints,
  type FitTask,
  type FittedForecast,
  type ForecastTracking,
  type ScheduleState,
} from "../../../lib/demand-forecast"
import type { Knex } from "../store/knex"
import { FitPool } from "./fit-pool"
import {
  fillActuals,
  forecastLocations,
  forecastUnitsByDay,
  insertPoints,
  prunePoints,
  readForecasts,
  readPoints,
  readVariantDays,
  seriesKeys,
  trackingSums,
  writeFitted,
  writeFolded,
  type SeriesKey,
  type StoredForecast,
} from "./forecast-store"

export type ForecastDb = {
  /** runs `fn` on a plain connection (reads) */
  read<T>(fn: (knex: Knex) => Promise<T>): Promise<T>
  /** runs `fn` in one transaction (writes that belong together) */
  write<T>(fn: (knex: Knex) => Promise<T>): Promise<T>
}

export type RecomputeResult = {
  kind: "select" | "refit"
  series: number
  fitted: number
  failed: number
  seconds: number
  /** how often each model was chosen (or kept) in this run */
  models: Record<string, number>
}

/** Series per batch sent to a worker: small enough to keep memory flat, big enough to amortise the message. */
const BATCH = 200
/** Days of mean forecast kept beside each state, for the store's day totals. */
const MEAN_DAYS = 14
const SCHEDULE_KEY = "forecast_schedule"

export class VariantForecasts {
  /** fits run one after another in a process: two at once would only share the same cores */
  private queue: Promise<unknown> = Promise.resolve()

  constructor(
    private readonly db: ForecastDb,
    private readonly options: PluginOptions,
    private readonly logger: Logger,
    /** tells the live rooms that forecasts or their tracking changed at these locations */
    private readonly changed: (locations: string[]) => Promise<void>
  ) {}

  private get leadTime() {
    return this.options.leadTimeDays
  }

  /**
   * Fits every variant x location (or those of `variantIds`) on its history through yesterday.
   * Runs wait for the one under way.
   */
  recompute(input: { kind: "select" | "refit"; variantIds?: string[]; now?: Date }): Promise<RecomputeResult> {
    const run = this.queue.catch(() => undefined).then(() => this.fitAll(input))
    this.queue = run
    return run
  }

  private async fitAll(input: { kind: "select" | "refit"; variantIds?: string[]; now?: Date }): Promise<RecomputeResult> {
    const started = Date.now()
    const now = input.now ?? new Date()
    const through = lastClosedDay(now, this.options.timezone)
    const keys = await this.db.read((knex) => seriesKeys(knex, through, input.variantIds))
    const pool = new FitPool(this.options.forecast.threads)
    const result: RecomputeResult = { kind: input.kind, series: 0, fitted: 0, failed: 0, seconds: 0, models: {} }
    try {
      for (let i = 0; i < keys.length; i += BATCH) {
        const batch = keys.slice(i, i + BATCH)
        const [rows, previous] = await this.db.read((knex) =>
          Promise.all([readVariantDays(knex, batch, null, through), input.kind === "refit" ? readForecasts(knex, { keys: batch }) : []])
        )
        const stored = new Map(previous.map((p) => [seriesKey(p.variant_id, p.location_id), p]))
        const tasks: FitTask[] = dailySeries(rows, through).map((series) => {
          const prev = stored.get(seriesKey(series.variant_id, series.location_id))
          return { kind: input.kind, series, horizon: this.options.forecast.horizon, previous: prev ? { model: prev.model, members: prev.members, state: prev.state } : null }
        })
        const outcome = await pool.fit(tasks)
        for (const failure of outcome.failed) this.logger.error(`order-rhythm: forecast of ${failure.key} failed: ${failure.error}`)
        // the batch's variants forecast together: their error quantiles pooled, as forecast:eval pools a file's series
        const fitted = poolSelected(outcome.fitted)
        await this.db.write((knex) => this.saveFitted(knex, fitted, now))
        result.series += tasks.length
        result.fitted += outcome.fitted.length
        result.failed += outcome.failed.length
        for (const f of fitted) {
          const name = f.model === "combination" ? `combination(${f.members.join("+")})` : f.model
          result.models[name] = (result.models[name] ?? 0) + 1
        }
      }
      await this.db.write((knex) => fillActuals(knex, through))
    } finally {
      await pool.close()
    }
    result.seconds = (Date.now() - started) / 1000
    await this.changed(await this.db.read(forecastLocations))
    return result
  }

  private async saveFitted(knex: Knex, fitted: FittedForecast[], at: Date) {
    await writeFitted(knex, fitted, (f) => meanAhead(f.state, MEAN_DAYS), at)
    await insertPoints(
      knex,
      fitted.flatMap((f) =>
        trackedPoints(f.state, f.lastDate, this.leadTime).map((p) => ({ variant_id: f.variant_id, location_id: f.location_id, ...p, scale: f.scale }))
      )
    )
  }

  /**
   * Moves the stored states on by the days that closed since they were fitted, without a refit:
   * one O(1) update per variant and day. Only `keys` when given (an order's variants), else all.
   */
  async foldClosedDays(input: { keys?: SeriesKey[]; now?: Date } = {}): Promise<{ variants: number; days: number }> {
    const through = lastClosedDay(input.now ?? new Date(), this.options.timezone)
    let after: SeriesKey | undefined
    let variants = 0
    let days = 0
    const locations = new Set<string>()
    while (true) {
      const page = await this.db.read((knex) => readForecasts(knex, { keys: input.keys, before: through, after, limit: 500 }))
      if (!page.length) break
      after = page[page.length - 1]
      const from = page.reduce((min, s) => (s.last_date < min ? s.last_date : min), page[0].last_date)
      const rows = await this.db.read((knex) => readVariantDays(knex, page, from, through))
      const byKey = new Map<string, typeof rows>()
      for (const row of rows) {
        const key = seriesKey(row.variant_id, row.location_id)
        byKey.set(key, [...(byKey.get(key) ?? []), row])
      }
      const folded = page.map((stored) => {
        const closed = (byKey.get(seriesKey(stored.variant_id, stored.location_id)) ?? [])
          .filter((row) => row.local_date > stored.last_date)
          .map((row) => ({ date: row.local_date, units: Number(row.units_demanded), inStock: row.out_of_stock === null ? null : !row.out_of_stock }))
        const next = foldClosedDays(stored.state, stored.last_date, through, closed)
        days += next.folded.length
        locations.add(stored.location_id)
        return { stored, next }
      })
      await this.db.write(async (knex) => {
        await writeFolded(
          knex,
          folded.map(({ stored, next }) => ({
            variant_id: stored.variant_id,
            location_id: stored.location_id,
            state: next.state,
            forecast_mean: meanAhead(next.state, MEAN_DAYS),
            last_date: next.lastDate,
          }))
        )
        await insertPoints(
          knex,
          folded.flatMap(({ stored, next }) =>
            trackedPoints(next.state, next.lastDate, this.leadTime).map((p) => ({ variant_id: stored.variant_id, location_id: stored.location_id, ...p, scale: stored.scale }))
          )
        )
      })
      variants += page.length
      if (page.length < 500) break
    }
    if (variants) {
      await this.db.write((knex) => fillActuals(knex, through))
      await this.changed([...locations])
    }
    return { variants, days }
  }

  /**
   * Facts for an order landed: its variants' closed days (if any closed since their last fold)
   * are folded in, and the tracked actuals of the past days it touched are re-read. O(its variants).
   */
  async factsChanged(dayKeys: Array<SeriesKey & { local_date: string }>, now = new Date()): Promise<void> {
    if (!dayKeys.length) return
    const through = lastClosedDay(now, this.options.timezone)
    const past = dayKeys.filter((k) => k.local_date <= through)
    if (past.length) {
      const refreshed = await this.db.write((knex) => fillActuals(knex, through, past))
      if (refreshed) await this.changed([...new Set(past.map((k) => k.location_id))])
    }
    const keys = [...new Map(dayKeys.map((k) => [seriesKey(k.variant_id, k.location_id), { variant_id: k.variant_id, location_id: k.location_id }])).values()]
    await this.foldClosedDays({ keys, now })
  }

  /**
   * The hourly job's question: is it the store's night and is tonight's work still to do? The
   * night is claimed in the state table first (compare and set), so two worker processes never
   * fit the same night twice.
   */
  async runNightIfDue(now = new Date()): Promise<RecomputeResult | null> {
    const kind = await this.claimNight(now)
    if (!kind) return null
    const result = await this.recompute({ kind, now })
    await this.pruneTracking(now)
    return result
  }

  /** Claims tonight's work when it is due (see runNightIfDue): the kind of run to do, or null. */
  async claimNight(now = new Date()): Promise<"select" | "refit" | null> {
    const state = (await this.db.read((knex) => readSchedule(knex))) ?? {}
    const due = forecastWorkDue(now, this.options.timezone, this.options.forecast, state)
    if (!due.select && !due.refit) return null
    const on = due.night ?? DateTime.fromJSDate(now, { zone: this.options.timezone }).toISODate()!
    const next: ScheduleState = due.select ? { selectedOn: on, refitOn: on } : { ...state, refitOn: on }
    const claimed = await this.db.write((knex) => claimSchedule(knex, state, next))
    return claimed ? (due.select ? "select" : "refit") : null
  }

  /** Drops tracked points older than twice the tracking window. */
  async pruneTracking(now = new Date()): Promise<void> {
    await this.db.write((knex) => prunePoints(knex, addDays(lastClosedDay(now, this.options.timezone), -2 * this.options.forecast.trackingDays)))
  }

  /** What the API shows for one variant, per location: the forecast, its accuracy and its tracking. */
  async forVariant(input: { variantId: string; locationId?: string; horizon: number; now?: Date }) {
    const now = input.now ?? new Date()
    const today = DateTime.fromJSDate(now, { zone: this.options.timezone }).toISODate()!
    const window = this.trackingWindow(now)
    const stored = await this.db.read((knex) =>
      readForecasts(knex, { variantIds: [input.variantId], keys: input.locationId !== undefined ? [{ variant_id: input.variantId, location_id: input.locationId }] : undefined })
    )
    return Promise.all(
      stored.map(async (s) => {
        const points = await this.db.read((knex) => readPoints(knex, { variant_id: s.variant_id, location_id: s.location_id }, window))
        const view = forecastView(s.state, {
          lastDate: s.last_date,
          today,
          horizon: input.horizon,
          leadTimeDays: this.options.leadTimeDays,
          reviewPeriodDays: this.options.reviewPeriodDays,
          serviceLevel: this.options.serviceLevel,
        })
        return {
          variant_id: s.variant_id,
          location_id: s.location_id,
          model: s.model,
          members: s.members,
          intermittent: s.intermittent,
          accuracy: { mase: s.mase, rmsse: s.rmsse, bias: s.bias, coverage95: s.coverage95, pairs: s.backtest_pairs },
          selected_at: s.selected_at,
          fitted_at: s.fitted_at,
          series: { first_date: s.first_date, last_date: s.last_date },
          forecast: view.days,
          lead_time: view.leadTime,
          protection_period: view.protectionPeriod,
          quantiles: view.quantiles,
          tracking: { ...forecastTracking(sumsByDay(points), Math.max(1, Math.round(this.leadTime)), window), sinceFit: liveRecord(s) },
        }
      })
    )
  }

  /** Forecast against actual over the tracking window, all variants (or one location's). */
  async tracking(locationId?: string, now = new Date()): Promise<ForecastTracking> {
    const window = this.trackingWindow(now)
    const sums = await this.db.read((knex) => trackingSums(knex, window, { locationId }))
    return forecastTracking(sums, Math.max(1, Math.round(this.leadTime)), window)
  }

  /** The store's forecast units per local date, for the dates that have forecasts. */
  async unitsByDay(dates: string[]): Promise<Record<string, number>> {
    return this.db.read((knex) => forecastUnitsByDay(knex, dates))
  }

  private trackingWindow(now: Date) {
    const to = lastClosedDay(now, this.options.timezone)
    return { from: addDays(to, 1 - this.options.forecast.trackingDays), to }
  }
}

/** The engine's own h = 1 record since the last fit, as figures. */
function liveRecord(s: StoredForecast) {
  const live = s.state.live
  return {
    pairs: live.pairs,
    mase: live.pairs && s.scale ? live.absError / live.pairs / s.scale : null,
    coverage95: live.pairs ? live.inside95 / live.pairs : null,
  }
}

async function readSchedule(knex: Knex): Promise<ScheduleState | null> {
  const [row] = await knex("order_rhythm_state").where({ key: SCHEDULE_KEY }).whereNull("deleted_at")
  return row ? (row.value as ScheduleState) : null
}

/** Compare and set: true when this process moved the schedule from `seen` to `next`. */
async function claimSchedule(knex: Knex, seen: ScheduleState, next: ScheduleState): Promise<boolean> {
  const existing = await readSchedule(knex)
  if (!existing) {
    const inserted = await knex("order_rhythm_state")
      .insert({ id: rowId("orstate"), key: SCHEDULE_KEY, value: JSON.stringify(next) })
      .onConflict(knex.raw("(key) where deleted_at is null"))
      .ignore()
      .returning("id")
    return inserted.length === 1
  }
  const updated = await knex("order_rhythm_state")
    .where({ key: SCHEDULE_KEY })
    .whereNull("deleted_at")
    .whereRaw("value = ?::jsonb", [JSON.stringify(seen)])
    .update({ value: JSON.stringify(next), updated_at: new Date() })
  return updated === 1
}
