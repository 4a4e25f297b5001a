import { MedusaError } from "@medusajs/framework/utils"
import type { ModuleDb } from "../module-db"
import {
  ExchangeRateInput,
  readExchangeRates,
  readRateBook,
  readReportingCurrency,
  StoredExchangeRate,
  upsertExchangeRates,
  writeReportingCurrency,
} from "../store/exchange-rates"

/** The currency converted totals are reported in, and the exchange rates entered against it. */
export class ReportingCurrencySettings {
  constructor(private readonly db: ModuleDb) {}

  /** The reporting currency (null: none) and the rates entered against it. */
  read(): Promise<{ reportingCurrency: string | null; rates: StoredExchangeRate[] }> {
    return this.db.read(async (knex) => {
      const reportingCurrency = await readReportingCurrency(knex)
      return { reportingCurrency, rates: reportingCurrency ? await readExchangeRates(knex, reportingCurrency) : [] }
    })
  }

  /** The reporting currency and the rates quoted in it, as the converter takes them; null when none is set. */
  rateBook() {
    return this.db.read(readRateBook)
  }

  /** Sets (or with null clears) the reporting currency; rates entered against another one stay stored but unused. */
  set(currency: string | null): Promise<void> {
    return this.db.write((knex) => writeReportingCurrency(knex, currency))
  }

  /**
   * Enters rates against the current reporting currency (a rate for the same currency and day
   * replaces the old one); throws when none is set. Returns the rates they replaced, for undoing.
   */
  enterRates(rates: ExchangeRateInput[], createdBy: string | null): Promise<{ reportingCurrency: string; replaced: StoredExchangeRate[] }> {
    return this.db.write(async (knex) => {
      const reportingCurrency = await readReportingCurrency(knex)
      if (!reportingCurrency) {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "reporting_currency: set a reporting currency before entering rates")
      }
      const entered = new Set(rates.map((rate) => `${rate.currency_code}|${rate.effective_from}`))
      const replaced = (await readExchangeRates(knex, reportingCurrency)).filter((rate) => entered.has(`${rate.currency_code}|${rate.effective_from}`))
      await upsertExchangeRates(knex, reportingCurrency, rates, createdBy)
      return { reportingCurrency, replaced }
    })
  }

  /**
   * Undoes `enterRates`: the rates it replaced come back, and those it added for a day that had
   * none are removed.
   */
  restoreRates(reportingCurrency: string, entered: ExchangeRateInput[], replaced: StoredExchangeRate[]): Promise<void> {
    return this.db.write(async (knex) => {
      const kept = new Set(replaced.map((rate) => `${rate.currency_code}|${rate.effective_from}`))
      const added = entered.filter((rate) => !kept.has(`${rate.currency_code}|${rate.effective_from}`))
      for (const rate of added) {
        await knex("order_rhythm_exchange_rate")
          .where({ reporting_currency: reportingCurrency, currency_code: rate.currency_code, effective_from: rate.effective_from })
          .whereNull("deleted_at")
          .delete()
      }
      await upsertExchangeRates(
        knex,
        reportingCurrency,
        replaced.map((rate) => ({ currency_code: rate.currency_code, effective_from: rate.effective_from, rate: rate.rate })),
        null
      )
    })
  }
}
