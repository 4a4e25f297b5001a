import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { ORDER_RHYTHM_MODULE } from "../../../../../modules/order-rhythm"
import type OrderRhythmModuleService from "../../../../../modules/order-rhythm/service"
import { presentToken } from "../route"
import { revokeDisplayTokenWorkflow } from "../../../../../workflows/display-tokens/revoke-display-token"

/** Revokes the token: its open screens are cut at once and it never opens one again. */
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const rhythm = req.scope.resolve<OrderRhythmModuleService>(ORDER_RHYTHM_MODULE)
  if (!(await rhythm.displayTokens.find(req.params.id))) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `display token ${req.params.id} does not exist`)
  }
  await revokeDisplayTokenWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ display_token: presentToken(await rhythm.displayTokens.find(req.params.id)), revoked: true })
}
