import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { ORDER_RHYTHM_MODULE } from "../../modules/order-rhythm"
import type OrderRhythmModuleService from "../../modules/order-rhythm/service"

/** Marks the token revoked; undone, it stands as it stood. */
export const revokeDisplayTokenStep = createStep(
  "order-rhythm-revoke-display-token",
  async ({ id }: { id: string }, { container }) => {
    const tokens = container.resolve<OrderRhythmModuleService>(ORDER_RHYTHM_MODULE).displayTokens
    const existing = await tokens.find(id)
    if (!existing) throw new MedusaError(MedusaError.Types.NOT_FOUND, `display token ${id} does not exist`)
    await tokens.setRevoked(id, new Date())
    return new StepResponse({ id }, { id, revokedAt: existing.revoked_at ?? null })
  },
  async (previous, { container }) => {
    if (!previous) return
    await container.resolve<OrderRhythmModuleService>(ORDER_RHYTHM_MODULE).displayTokens.setRevoked(previous.id, previous.revokedAt)
  }
)
