import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { ORDER_RHYTHM_MODULE } from "../../../../modules/order-rhythm"
import type OrderRhythmModuleService from "../../../../modules/order-rhythm/service"
import type { PostExchangeRatesBodyType } from "./validators"
import { assertKnownCurrencies } from "./known-currencies"
import { enterExchangeRatesWorkflow } from "../../../../workflows/reporting-currency/enter-exchange-rates"

/** The reporting currency (null: figures stay per currency) and the rates entered against it. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const rhythm = req.scope.resolve<OrderRhythmModuleService>(ORDER_RHYTHM_MODULE)
  const { reportingCurrency, rates } = await rhythm.currency.read()
  res.json({ reporting_currency: reportingCurrency, exchange_rates: rates })
}

/**
 * Enters rates: from `effective_from` on, 1 unit of `currency_code` = `rate` units of the
 * reporting currency. A rate for a currency and day that already has one replaces it.
 */
export async function POST(req: AuthenticatedMedusaRequest<PostExchangeRatesBodyType>, res: MedusaResponse) {
  const rhythm = req.scope.resolve<OrderRhythmModuleService>(ORDER_RHYTHM_MODULE)
  const body = req.validatedBody
  const { reportingCurrency } = await rhythm.currency.read()
  if (!reportingCurrency) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "reporting_currency: set a reporting currency (POST /admin/order-rhythm/reporting-currency) before entering rates"
    )
  }
  const own = body.rates.find((entry) => entry.currency_code === reportingCurrency)
  if (own) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `currency_code: ${own.currency_code} is the reporting currency; its rate is always 1`
    )
  }
  await assertKnownCurrencies(req, body.rates.map((entry) => entry.currency_code))
  await enterExchangeRatesWorkflow(req.scope).run({ input: { rates: body.rates, created_by: req.auth_context?.actor_id ?? null } })
  const after = await rhythm.currency.read()
  res.status(201).json({ reporting_currency: after.reportingCurrency, exchange_rates: after.rates })
}
