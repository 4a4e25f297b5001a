/**
 * Money is shown in each currency's own format: a wall in Shanghai reads ¥1,234.50,
 * one in Berlin 1.234,50 €. Amounts are Medusa's decimals in currency units.
 */
export function formatMoney(amount: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency: currency.toUpperCase(),
    maximumFractionDigits: 0,
  }).format(amount)
}

export function formatCount(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value)
}
