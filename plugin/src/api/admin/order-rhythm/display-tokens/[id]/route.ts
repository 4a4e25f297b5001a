import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { ORDER_RHYTHM_MODULE } from "../../../../../modules/order-rhythm"
import type OrderRhythmModuleService from "../../../../../modules/order-rhythm/service"
import { presentToken } from "../route"

/** Revokes the token: its open screens are cut at once and it never opens one again. */
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const rhythm = req.scope.resolve<OrderRhythmModuleService>(ORDER_RHYTHM_MODULE)
  const [existing] = await rhythm.listDisplayTokens({ id: req.params.id })
  if (!existing) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `display token ${req.params.id} does not exist`)
  }
  const revoked = await rhythm.revokeDisplayToken(req.params.id)
  res.json({ display_token: presentToken(revoked), revoked: true })
}
