import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_RHYTHM_MODULE } from "../../modules/order-rhythm"
import type OrderRhythmModuleService from "../../modules/order-rhythm/service"

/** Sets (null: clears) the reporting currency; undone, the one before comes back. */
export const setReportingCurrencyStep = createStep(
  "order-rhythm-set-reporting-currency",
  async ({ currency_code }: { currency_code: string | null }, { container }) => {
    const currency = container.resolve<OrderRhythmModuleService>(ORDER_RHYTHM_MODULE).currency
    const { reportingCurrency: previous } = await currency.read()
    await currency.set(currency_code)
    return new StepResponse({ currency_code }, { previous })
  },
  async (undo, { container }) => {
    if (!undo) return
    await container.resolve<OrderRhythmModuleService>(ORDER_RHYTHM_MODULE).currency.set(undo.previous)
  }
)
