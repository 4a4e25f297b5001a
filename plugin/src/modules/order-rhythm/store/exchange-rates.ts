import { rowId } from "./row-id"
import type { RateBook } from "../../../lib/money"
import { Knex, rawNumber } from "./knex"
import { readState, writeState } from "./plugin-state"

const REPORTING_CURRENCY_KEY = "reporting_currency"

export type ExchangeRateInput = { currency_code: string; effective_from: string; rate: number }

/** The reporting currency an admin set (lower case), or null: figures then stay per currency. */
export async function readReportingCurrency(knex: Knex): Promise<string | null> {
  const state = await readState<{ currency_code?: string | null }>(knex, REPORTING_CURRENCY_KEY)
  return state?.currency_code ?? null
}

export async function writeReportingCurrency(knex: Knex, currency: string | null): Promise<void> {
  await writeState(knex, REPORTING_CURRENCY_KEY, { currency_code: currency })
}

/** Rates entered against `reportingCurrency`: a rate for the same currency and day replaces the old one. */
export async function upsertExchangeRates(
  knex: Knex,
  reportingCurrency: string,
  rates: ExchangeRateInput[],
  createdBy: string | null
): Promise<void> {
  if (!rates.length) return
  await knex("order_rhythm_exchange_rate")
    .insert(
      rates.map((rate) => ({
        id: rowId("orrate"),
        currency_code: rate.currency_code,
        reporting_currency: reportingCurrency,
        effective_from: rate.effective_from,
        rate: rate.rate,
        raw_rate: rawNumber(rate.rate),
        created_by: createdBy,
      }))
    )
    .onConflict(knex.raw("(reporting_currency, currency_code, effective_from) where deleted_at is null"))
    .merge(["rate", "raw_rate", "created_by", "updated_at"])
}

export type StoredExchangeRate = {
  id: string
  currency_code: string
  reporting_currency: string
  effective_from: string
  rate: number
  created_by: string | null
  updated_at: string
}

/** The rates quoted in `reportingCurrency`, oldest day first per currency. */
export async function readExchangeRates(knex: Knex, reportingCurrency: string): Promise<StoredExchangeRate[]> {
  const rows: any[] = await knex("order_rhythm_exchange_rate")
    .select("id", "currency_code", "reporting_currency", "effective_from", knex.raw("rate::float8 as rate"), "created_by", "updated_at")
    .where({ reporting_currency: reportingCurrency })
    .whereNull("deleted_at")
    .orderBy([{ column: "currency_code" }, { column: "effective_from" }])
  return rows.map((row) => ({ ...row, rate: Number(row.rate), updated_at: new Date(row.updated_at).toISOString() }))
}

/** What the converter needs, or null when no reporting currency is set. */
export async function readRateBook(knex: Knex): Promise<RateBook | null> {
  const reportingCurrency = await readReportingCurrency(knex)
  if (!reportingCurrency) return null
  const rates = await readExchangeRates(knex, reportingCurrency)
  return {
    reportingCurrency,
    rates: rates.map((rate) => ({ currency: rate.currency_code, effectiveFrom: rate.effective_from, rate: rate.rate })),
  }
}
