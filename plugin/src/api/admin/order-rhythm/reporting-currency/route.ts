import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ORDER_RHYTHM_MODULE } from "../../../../modules/order-rhythm"
import type OrderRhythmModuleService from "../../../../modules/order-rhythm/service"
import { assertKnownCurrencies } from "../exchange-rates/known-currencies"
import type { PostReportingCurrencyBodyType } from "./validators"
import { setReportingCurrencyWorkflow } from "../../../../workflows/reporting-currency/set-reporting-currency"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const rhythm = req.scope.resolve<OrderRhythmModuleService>(ORDER_RHYTHM_MODULE)
  const { reportingCurrency } = await rhythm.currency.read()
  res.json({ reporting_currency: reportingCurrency })
}

/**
 * Sets the currency converted totals are reported in (null: per currency only). Rates are
 * quoted against one reporting currency, so after a change the rates of the new one apply.
 */
export async function POST(req: AuthenticatedMedusaRequest<PostReportingCurrencyBodyType>, res: MedusaResponse) {
  const rhythm = req.scope.resolve<OrderRhythmModuleService>(ORDER_RHYTHM_MODULE)
  const code = req.validatedBody.currency_code
  if (code) {
    await assertKnownCurrencies(req, [code])
  }
  await setReportingCurrencyWorkflow(req.scope).run({ input: { currency_code: code } })
  const { reportingCurrency, rates } = await rhythm.currency.read()
  res.json({ reporting_currency: reportingCurrency, exchange_rates: rates })
}
