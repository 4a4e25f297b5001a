import type { Ratio } from "./exact-ratio"

/**
 * One statement line's amount in whole minor units (cents, fen, yen): half up on the magnitude,
 * so 0.5 of a cent is a cent and a clawback of -0.5 is -1: a clawback rounds exactly like the
 * commission it takes back, and the two cancel to the cent. Amounts are already in minor units,
 * so rounding to the currency's minor unit is rounding to an integer, whatever its exponent.
 */
export function roundHalfUp(value: Ratio): number {
  const negative = value.n < 0n
  const n = negative ? -value.n : value.n
  const whole = (2n * n + value.d) / (2n * value.d)
  const out = Number(whole)
  return negative ? -out : out
}

/** Digits of a currency's minor unit (2 for EUR and CNY, 0 for JPY, 3 for KWD), from Intl. */
export function minorUnitDigits(currency: string): number {
  return new Intl.NumberFormat("en", { style: "currency", currency: currency.toUpperCase() }).resolvedOptions()
    .maximumFractionDigits ?? 2
}

/** Minor units as a plain decimal text in the currency's major unit (123456 EUR -> "1234.56"). */
export function formatMinor(amount: number, currency: string): string {
  const digits = minorUnitDigits(currency)
  const sign = amount < 0 ? "-" : ""
  const text = String(Math.abs(amount)).padStart(digits + 1, "0")
  return digits ? `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}` : `${sign}${text}`
}
