import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_RHYTHM_MODULE } from "../../modules/order-rhythm"
import type OrderRhythmModuleService from "../../modules/order-rhythm/service"
import type { ExchangeRateInput } from "../../modules/order-rhythm/store/exchange-rates"

export type EnterExchangeRatesInput = { rates: ExchangeRateInput[]; created_by: string | null }

/** Enters rates against the reporting currency; undone, the rates they replaced come back. */
export const enterExchangeRatesStep = createStep(
  "order-rhythm-enter-exchange-rates",
  async (input: EnterExchangeRatesInput, { container }) => {
    const currency = container.resolve<OrderRhythmModuleService>(ORDER_RHYTHM_MODULE).currency
    const { reportingCurrency, replaced } = await currency.enterRates(input.rates, input.created_by)
    return new StepResponse({ reporting_currency: reportingCurrency, entered: input.rates.length }, { reportingCurrency, entered: input.rates, replaced })
  },
  async (undo, { container }) => {
    if (!undo) return
    await container.resolve<OrderRhythmModuleService>(ORDER_RHYTHM_MODULE).currency.restoreRates(undo.reportingCurrency, undo.entered, undo.replaced)
  }
)
