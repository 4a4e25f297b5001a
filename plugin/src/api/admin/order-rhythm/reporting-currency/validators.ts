import { z } from "@medusajs/framework/zod"
import { currencyCode } from "../exchange-rates/validators"

/** POST /admin/order-rhythm/reporting-currency: the currency converted totals are reported in; null turns it off. */
export const PostReportingCurrencyBody = z
  .object({ currency_code: currencyCode("currency_code").nullable() })
  .strict()

export type PostReportingCurrencyBodyType = z.infer<typeof PostReportingCurrencyBody>
