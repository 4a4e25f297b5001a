import { z } from "@medusajs/framework/zod"

// Medusa prints a custom message without the field's name, so each message carries it.
export const currencyCode = (field: string) =>
  z
    .string({ message: `${field}: must be a three-letter ISO 4217 currency code, e.g. "eur"` })
    .trim()
    .regex(/^[A-Za-z]{3}$/, `${field}: must be a three-letter ISO 4217 currency code, e.g. "eur"`)
    .transform((code) => code.toLowerCase())

const rate = z
  .object({
    currency_code: currencyCode("currency_code"),
    rate: z
      .number({ message: "rate: must be a number (1 unit of currency_code = rate units of the reporting currency)" })
      .finite("rate: must be a finite number")
      .positive("rate: must be greater than 0 (1 unit of currency_code = rate units of the reporting currency)"),
    effective_from: z.iso.date({ message: "effective_from: must be a date, YYYY-MM-DD (a day in the store's time zone)" }),
  })
  .strict()

/** POST /admin/order-rhythm/exchange-rates: rates against the reporting currency, each valid from its day on. */
export const PostExchangeRatesBody = z
  .object({
    rates: z.array(rate).min(1, "rates: give at least one rate").max(1000, "rates: at most 1000 at a time"),
  })
  .strict()
  .superRefine((body, ctx) => {
    const seen = new Set<string>()
    for (const entry of body.rates) {
      const key = `${entry.currency_code} ${entry.effective_from}`
      if (seen.has(key)) {
        ctx.addIssue({ code: "custom", path: ["rates"], message: `rates: ${entry.currency_code} on ${entry.effective_from} is given twice` })
      }
      seen.add(key)
    }
  })

export type PostExchangeRatesBodyType = z.infer<typeof PostExchangeRatesBody>
