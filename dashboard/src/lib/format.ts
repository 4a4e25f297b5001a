import { DateTime } from "luxon"

// Making an Intl.NumberFormat costs far more than formatting with one (locale data is resolved
// each time), and the wall formats the same few kinds of number on every update: made once each.
const numberFormats = new Map<string, Intl.NumberFormat>()
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`
  let made = numberFormats.get(key)
  if (!made) numberFormats.set(key, (made = new Intl.NumberFormat(locale, options)))
  return made
}

/**
 * Money is shown in each currency's own format: a wall in Shanghai reads ¥1,234.50,
 * one in Berlin 1.234,50 €. Amounts are Medusa's decimals in currency units.
 */
export function formatMoney(amount: number, currency: string, locale: string): string {
  return numberFormat(locale, { style: "currency", currency: currency.toUpperCase(), maximumFractionDigits: 0 }).format(amount)
}

export function formatCount(value: number, locale: string): string {
  return numberFormat(locale, { maximumFractionDigits: 0 }).format(value)
}

export function formatDecimal(value: number, locale: string, digits = 1): string {
  return numberFormat(locale, { maximumFractionDigits: digits }).format(value)
}

/**
 * "HH:mm" of an instant on the store's clock, not the screen's: a wall in another zone (or a
 * browser left on UTC) must still read the store's hours. Without a zone yet, the screen's own.
 */
export function formatClock(instant: string | Date, timezone: string | null): string {
  const dt = typeof instant === "string" ? DateTime.fromISO(instant, { setZone: true }) : DateTime.fromJSDate(instant)
  const local = timezone ? dt.setZone(timezone) : dt.toLocal()
  return local.isValid ? local.toFormat("HH:mm") : "--:--"
}

/** The store's date, written the way the wall's language writes dates. */
export function formatDate(instant: string | Date, timezone: string | null, locale: string): string {
  const dt = typeof instant === "string" ? DateTime.fromISO(instant, { setZone: true }) : DateTime.fromJSDate(instant)
  const local = (timezone ? dt.setZone(timezone) : dt.toLocal()).setLocale(locale)
  return local.isValid ? local.toLocaleString({ weekday: "short", month: "short", day: "numeric" }) : ""
}

/** Ages and cycle times: hours while they are short, days once a floor lead thinks in days. */
export function formatDuration(hours: number, locale: string, words: { hours: (n: string) => string; days: (n: string) => string }): string {
  return hours < 48 ? words.hours(formatDecimal(hours, locale, hours < 10 ? 1 : 0)) : words.days(formatDecimal(hours / 24, locale, 1))
}
