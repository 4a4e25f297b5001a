/**
 * The forecast tables as the forecast work reads and writes them: plain SQL over the transaction's
 * knex, like the other stores. States carry the engine's JSON state; points the forecast-vs-actual
 * record.
 */
import { rowId } from "../store/row-id"
import type { VariantForecastState } from "../../../lib/forecast"
import type { DailySums, FittedForecast, PlannedPoint, TrackedPoint, VariantDayRow } from "../../../lib/demand-forecast"
import type { Knex } from "../store/knex"

export type SeriesKey = { variant_id: string; location_id: string }

export type StoredForecast = SeriesKey & {
  model: string
  members: string[]
  intermittent: boolean
  state: VariantForecastState
  mase: number | null
  rmsse: number | null
  bias: number | null
  coverage95: number | null
  backtest_pairs: number
  scale: number | null
  first_date: string
  last_date: string
  selected_at: Date
  fitted_at: Date
}

const keyFilter = (knex: Knex, keys: SeriesKey[] | undefined, alias = "") =>
  keys
    ? knex.raw(`(${alias}variant_id, ${alias}location_id) in (select * from unnest(?::text[], ?::text[]))`, [
        keys.map((k) => k.variant_id),
        keys.map((k) => k.location_id),
      ])
    : knex.raw("true")

/** The variant x location pairs that have any stored day up to `lastDate`, in a stable order. */
export async function seriesKeys(knex: Knex, lastDate: string, variantIds?: string[]): Promise<SeriesKey[]> {
  const q = knex("order_rhythm_variant_day").distinct("variant_id", "location_id").whereNull("deleted_at").where("local_date", "<=", lastDate)
  if (variantIds) q.whereIn("variant_id", variantIds)
  return q.orderBy(["variant_id", "location_id"])
}

export async function readVariantDays(knex: Knex, keys: SeriesKey[], fromDate: string | null, lastDate: string): Promise<VariantDayRow[]> {
  if (!keys.length) return []
  const q = knex("order_rhythm_variant_day")
    .select("local_date", "variant_id", "location_id", "units_demanded", "out_of_stock")
    .whereNull("deleted_at")
    .where("local_date", "<=", lastDate)
    .where(keyFilter(knex, keys))
  if (fromDate) q.where("local_date", ">", fromDate)
  return q
}

export async function readForecasts(knex: Knex, filter: { keys?: SeriesKey[]; variantIds?: string[]; before?: string; limit?: number; after?: SeriesKey }): Promise<StoredForecast[]> {
  const q = knex("order_rhythm_forecast_state").select("*").whereNull("deleted_at").where(keyFilter(knex, filter.keys))
  if (filter.variantIds) q.whereIn("variant_id", filter.variantIds)
  if (filter.before) q.where("last_date", "<", filter.before)
  if (filter.after) q.whereRaw("(variant_id, location_id) > (?, ?)", [filter.after.variant_id, filter.after.location_id])
  if (filter.limit) q.limit(filter.limit)
  const rows = await q.orderBy(["variant_id", "location_id"])
  return rows.map((row: any) => ({ ...row, members: row.members ?? [] }))
}

/** The smallest normal and the largest magnitude of PostgreSQL's `real` (float4), which the accuracy and point columns are. */
const REAL_MIN = 1.1754943508222875e-38
const REAL_MAX = 3.4028234663852886e38

/**
 * A number as a `real` column can hold it. PostgreSQL refuses what float4 cannot represent, and one
 * refused value fails the whole batch's write: an intermittent series that stopped selling months ago
 * forecasts 1e-49 units a day (ADIDA's level decaying over the zeros), which is 0; and a magnitude past
 * float4's range is held at its edge, where the tracking shows it, rather than losing the catalogue's forecasts.
 */
export const toReal = (v: number): number => (Math.abs(v) < REAL_MIN ? 0 : Math.max(-REAL_MAX, Math.min(REAL_MAX, v)))

/** NaN and infinities do not survive JSON; they mean "not measured", so null. */
const finite = (v: number | null | undefined) => (typeof v === "number" && Number.isFinite(v) ? toReal(v) : null)

export async function writeFitted(knex: Knex, fitted: FittedForecast[], meanAhead: (f: FittedForecast) => number[], at: Date): Promise<void> {
  const row = (f: FittedForecast) => ({
    id: rowId("orfcst"),
    variant_id: f.variant_id,
    location_id: f.location_id,
    model: f.model,
    members: JSON.stringify(f.members),
    intermittent: f.intermittent,
    state: JSON.stringify(f.state),
    forecast_mean: JSON.stringify(meanAhead(f)),
    mase: finite(f.state.accuracy.mase),
    rmsse: finite(f.state.accuracy.rmsse),
    bias: finite(f.state.accuracy.bias),
    coverage95: finite(f.state.accuracy.coverage95),
    backtest_pairs: f.state.accuracy.pairs ?? 0,
    scale: finite(f.scale),
    first_date: f.firstDate,
    last_date: f.lastDate,
    selected_at: at,
    fitted_at: at,
  })
  const merged = ["model", "members", "intermittent", "state", "forecast_mean", "mase", "rmsse", "bias", "coverage95", "backtest_pairs", "scale", "first_date", "last_date", "fitted_at", "updated_at"]
  // a refit keeps the date its model was selected on
  for (const [group, columns] of [
    [fitted.filter((f) => f.selected), [...merged, "selected_at"]],
    [fitted.filter((f) => !f.selected), merged],
  ] as const) {
    for (const chunk of chunks(group, 500)) {
      await knex("order_rhythm_forecast_state")
        .insert(chunk.map(row))
        .onConflict(knex.raw("(variant_id, location_id) where deleted_at is null"))
        .merge([...columns])
    }
  }
}

/** A state moved on by closed days: only the state, its mean ahead and its last day change. */
export async function writeFolded(knex: Knex, rows: Array<SeriesKey & { state: VariantForecastState; forecast_mean: number[]; last_date: string }>): Promise<void> {
  for (const chunk of chunks(rows, 500)) {
    await knex.raw(
      `update order_rhythm_forecast_state s set state = t.state, forecast_mean = t.mean, last_date = t.last_date, updated_at = now()
         from unnest(?::text[], ?::text[], ?::jsonb[], ?::jsonb[], ?::text[]) as t(variant_id, location_id, state, mean, last_date)
        where s.variant_id = t.variant_id and s.location_id = t.location_id and s.deleted_at is null`,
      [
        chunk.map((r) => r.variant_id),
        chunk.map((r) => r.location_id),
        chunk.map((r) => JSON.stringify(r.state)),
        chunk.map((r) => JSON.stringify(r.forecast_mean)),
        chunk.map((r) => r.last_date),
      ]
    )
  }
}

/** The first forecast made for a day at a horizon stands: a later refit does not rewrite the record. */
export async function insertPoints(knex: Knex, rows: Array<SeriesKey & PlannedPoint & { scale: number | null }>): Promise<void> {
  for (const chunk of chunks(rows, 1000)) {
    await knex("order_rhythm_forecast_point")
      .insert(chunk.map((r) => ({ id: rowId("orfcpt"), ...r, forecast: toReal(r.forecast), lo95: toReal(r.lo95), hi95: toReal(r.hi95), scale: finite(r.scale) })))
      .onConflict(knex.raw("(variant_id, location_id, horizon, target_date) where deleted_at is null"))
      .ignore()
  }
}

/**
 * Writes what was demanded into the points of closed days: those still open, and (`refresh`)
 * those of days whose facts just changed, e.g. an order backfilled late.
 */
export async function fillActuals(knex: Knex, through: string, refresh?: Array<SeriesKey & { local_date: string }>): Promise<number> {
  const day = `(select d.%s from order_rhythm_variant_day d where d.variant_id = p.variant_id and d.location_id = p.location_id
                 and d.local_date = p.target_date and d.deleted_at is null)`
  const which = refresh
    ? knex.raw(
        "(p.variant_id, p.location_id, p.target_date) in (select * from unnest(?::text[], ?::text[], ?::text[]))",
        [refresh.map((k) => k.variant_id), refresh.map((k) => k.location_id), refresh.map((k) => k.local_date)]
      )
    : knex.raw("p.actual is null")
  const result = await knex.raw(
    `update order_rhythm_forecast_point p
        set actual = coalesce(${day.replace("%s", "units_demanded")}, 0),
            in_stock = not ${day.replace("%s", "out_of_stock")},
            updated_at = now()
      where p.deleted_at is null and p.target_date <= ? and ?`,
    [through, which]
  )
  return result.rowCount ?? 0
}

/** Per target day and horizon, the sums the tracking figures are made of. */
export async function trackingSums(knex: Knex, window: { from: string; to: string }, filter: { locationId?: string; key?: SeriesKey } = {}): Promise<DailySums[]> {
  const q = knex("order_rhythm_forecast_point")
    .select(
      "target_date",
      "horizon",
      knex.raw("count(*)::int as pairs"),
      knex.raw("coalesce(sum(case when scale > 0 then abs(actual - forecast) / scale else 0 end), 0)::float8 as \"scaledError\""),
      knex.raw("(count(*) filter (where scale > 0))::int as \"scaledPairs\""),
      knex.raw("coalesce(sum(forecast - actual), 0)::float8 as error"),
      knex.raw("coalesce(sum(abs(actual)), 0)::float8 as actual"),
      knex.raw("(count(*) filter (where actual >= lo95 and actual <= hi95))::int as \"inside95\"")
    )
    .whereNull("deleted_at")
    .whereNotNull("actual")
    .whereRaw("in_stock is distinct from false")
    .whereBetween("target_date", [window.from, window.to])
    .groupBy("target_date", "horizon")
    .orderBy(["target_date", "horizon"])
  if (filter.locationId !== undefined) q.where("location_id", filter.locationId)
  if (filter.key) q.where({ variant_id: filter.key.variant_id, location_id: filter.key.location_id })
  return q
}

export async function readPoints(knex: Knex, key: SeriesKey, window: { from: string; to: string }): Promise<TrackedPoint[]> {
  return knex("order_rhythm_forecast_point")
    .select("target_date", "horizon", "forecast", "lo95", "hi95", "actual", "in_stock", "scale")
    .whereNull("deleted_at")
    .where(key)
    .whereBetween("target_date", [window.from, window.to])
    .orderBy(["target_date", "horizon"])
}

/** The locations that have forecasts, for the live rooms narrowed to one. */
export async function forecastLocations(knex: Knex): Promise<string[]> {
  const rows = await knex("order_rhythm_forecast_state").distinct("location_id").whereNull("deleted_at")
  return rows.map((r: { location_id: string }) => r.location_id)
}

/**
 * The store's forecast units for each of `dates`: the sum over variants of their mean forecast for
 * that day, read from the means kept beside each state.
 */
export async function forecastUnitsByDay(knex: Knex, dates: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (const date of dates) {
    const { rows } = await knex.raw(
      `select count(*)::int as n, coalesce(sum((forecast_mean ->> (?::date - last_date::date - 1))::float8), 0)::float8 as units
         from order_rhythm_forecast_state
        where deleted_at is null and ?::date > last_date::date and ?::date - last_date::date <= jsonb_array_length(forecast_mean)`,
      [date, date, date]
    )
    if (rows[0].n > 0) out[date] = rows[0].units
  }
  return out
}

/** Points older than the tracking needs. */
export async function prunePoints(knex: Knex, before: string): Promise<number> {
  return knex("order_rhythm_forecast_point").where("target_date", "<", before).del()
}

function chunks<T>(xs: T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size))
  return out
}

/** How many series hold a forecast, and when the last refit and the last model selection ran (null before any). */
export async function forecastRuns(knex: Knex): Promise<{ series: number; last_fitted_at: Date | null; last_selected_at: Date | null }> {
  const [row] = await knex("order_rhythm_forecast_state")
    .whereNull("deleted_at")
    .select(knex.raw("count(*)::int as series, max(fitted_at) as last_fitted_at, max(selected_at) as last_selected_at"))
  return row
}
