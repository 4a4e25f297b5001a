/**
 * Times in Medusa Admin read as the store's clock shows them (its zone, from the plugin's
 * options) written the way the admin's browser writes dates (its language): an operator in
 * Berlin looking after a store in Shanghai sees Shanghai's hours in German.
 */
export const adminLocale = (): string => (typeof navigator !== "undefined" && navigator.language) || "en-US"

// Making an Intl.DateTimeFormat resolves locale data each time: one per locale, zone and style.
const formats = new Map<string, Intl.DateTimeFormat>()

function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`
  let made = formats.get(key)
  if (!made) formats.set(key, (made = new Intl.DateTimeFormat(locale, options)))
  return made
}

/** An instant as a date and time on the store's clock. */
export function formatStoreDateTime(instant: string | number | Date, timeZone: string, locale = adminLocale()): string {
  return dateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(instant))
}

/** The store's own calendar day ("2026-12-08", already local to the store) in the admin's words. */
export function formatStoreDate(localDate: string, locale = adminLocale()): string {
  // Noon UTC of that date, written in UTC: the day cannot slip whatever the browser's zone.
  return dateTimeFormat(locale, { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${localDate}T12:00:00Z`)
  )
}

/** Hours as the admin's language writes them ("5.5 hrs", "5,5 Std."), in days from two days on. */
export function formatHours(hours: number, locale = adminLocale()): string {
  const days = hours >= 48
  const value = days ? hours / 24 : hours
  return new Intl.NumberFormat(locale, {
    style: "unit",
    unit: days ? "day" : "hour",
    unitDisplay: "short",
    maximumFractionDigits: value < 10 ? 1 : 0,
  }).format(value)
}

export function formatCount(value: number, locale = adminLocale()): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value)
}

export function formatRate(value: number, locale = adminLocale()): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)
}
