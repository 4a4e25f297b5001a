/**
 * Converting per-currency figures into one reporting currency with rates an admin typed
 * in. Pure: the caller reads the rates and the amounts.
 *
 * A rate says "1 unit of `currency` = `rate` units of the reporting currency" from its
 * `effectiveFrom` day (a local date, YYYY-MM-DD) until the currency's next rate, so
 * history converts at the rate that was valid on each day. Before a currency's first rate
 * there is no rate: the amount is reported as missing, never converted at 0 or 1.
 */

export type ExchangeRate = { currency: string; effectiveFrom: string; rate: number }

export type RateBook = { reportingCurrency: string; rates: ExchangeRate[] }

/** Amounts per currency (lower case) on one local day. */
export type DayAmounts = { localDate: string; amounts: Record<string, number> }

export type MissingRate = {
  currency: string
  /** what could not be converted, in that currency's own units */
  amount: number
  /** the local days that had an amount but no rate */
  days: string[]
}

export type ReportingTotal = {
  currency: string
  /** the sum of every amount that had a rate; it leaves out what `missing` lists */
  total: number
  /** each currency's part of `total`, already in the reporting currency */
  byCurrency: Record<string, number>
  /** amounts left out because no rate was valid on their day */
  missing: MissingRate[]
  /** true when nothing was left out */
  complete: boolean
}

/** Money stays exact to a millionth of a unit, like the facts. */
const round = (value: number) => Math.round(value * 1e6) / 1e6

/** Rates grouped per currency, newest first, so a lookup walks back to the first one in force. */
export type RateIndex = { reportingCurrency: string; byCurrency: Map<string, ExchangeRate[]> }

export function indexRates(book: RateBook): RateIndex {
  const byCurrency = new Map<string, ExchangeRate[]>()
  for (const rate of book.rates) {
    const currency = rate.currency.toLowerCase()
    byCurrency.set(currency, [...(byCurrency.get(currency) ?? []), rate])
  }
  for (const list of byCurrency.values()) list.sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))
  return { reportingCurrency: book.reportingCurrency.toLowerCase(), byCurrency }
}

/** The rate in force for `currency` on `localDate`; 1 for the reporting currency itself; null when none. */
export function rateOn(index: RateIndex, currency: string, localDate: string): number | null {
  const code = currency.toLowerCase()
  if (code === index.reportingCurrency) return 1
  const rate = index.byCurrency.get(code)?.find((candidate) => candidate.effectiveFrom <= localDate)
  return rate ? rate.rate : null
}

/** Converts each day's amounts at that day's rates and adds them up, saying what had no rate. */
export function convertDays(book: RateBook, days: DayAmounts[]): ReportingTotal {
  const index = indexRates(book)
  const byCurrency: Record<string, number> = {}
  const missing = new Map<string, { amount: number; days: Set<string> }>()
  let total = 0
  for (const day of days) {
    for (const [currency, amount] of Object.entries(day.amounts)) {
      if (!amount) continue
      const rate = rateOn(index, currency, day.localDate)
      if (rate === null) {
        const gap = missing.get(currency) ?? { amount: 0, days: new Set<string>() }
        gap.amount += amount
        gap.days.add(day.localDate)
        missing.set(currency, gap)
        continue
      }
      byCurrency[currency] = (byCurrency[currency] ?? 0) + amount * rate
      total += amount * rate
    }
  }
  for (const currency of Object.keys(byCurrency)) byCurrency[currency] = round(byCurrency[currency])
  return {
    currency: index.reportingCurrency,
    total: round(total),
    byCurrency,
    missing: [...missing.entries()]
      .map(([currency, gap]) => ({ currency, amount: round(gap.amount), days: [...gap.days].sort() }))
      .sort((a, b) => a.currency.localeCompare(b.currency)),
    complete: missing.size === 0,
  }
}

/** Adds per-currency amounts (series points, days) into one per-currency total. */
export function sumAmounts(parts: Array<Record<string, number>>): Record<string, number> {
  const sum: Record<string, number> = {}
  for (const part of parts) {
    for (const [currency, amount] of Object.entries(part)) sum[currency] = (sum[currency] ?? 0) + amount
  }
  for (const currency of Object.keys(sum)) sum[currency] = round(sum[currency])
  return sum
}
