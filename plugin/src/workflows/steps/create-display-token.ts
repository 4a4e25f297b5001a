import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_RHYTHM_MODULE } from "../../modules/order-rhythm"
import type OrderRhythmModuleService from "../../modules/order-rhythm/service"

/** A token as stored: its hash and prefix only (the plain token never enters a workflow). */
export type CreateDisplayTokenInput = {
  name: string
  scopes: string[]
  token_hash: string
  token_prefix: string
  expires_at?: string | null
  created_by?: string | null
}

export const createDisplayTokenStep = createStep(
  "order-rhythm-create-display-token",
  async (input: CreateDisplayTokenInput, { container }) => {
    const rhythm = container.resolve<OrderRhythmModuleService>(ORDER_RHYTHM_MODULE)
    const record = await rhythm.displayTokens.create(input)
    return new StepResponse({ id: record.id as string }, record.id as string)
  },
  async (id, { container }) => {
    if (!id) return
    await container.resolve<OrderRhythmModuleService>(ORDER_RHYTHM_MODULE).displayTokens.delete(id)
  }
)
