import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ORDER_RHYTHM_MODULE } from "../../../../modules/order-rhythm"
import type OrderRhythmModuleService from "../../../../modules/order-rhythm/service"
import type { PostDisplayTokenBodyType } from "./validators"
import { newDisplayTokenSecret } from "../../../../modules/order-rhythm/live/display-tokens"
import { createDisplayTokenWorkflow } from "../../../../workflows/display-tokens/create-display-token"

/** The public face of a token: never its hash, never the token itself after creation. */
export function presentToken(record: any) {
  return {
    id: record.id,
    name: record.name,
    scopes: record.scopes,
    token_prefix: record.token_prefix,
    expires_at: record.expires_at,
    revoked_at: record.revoked_at,
    last_seen_at: record.last_seen_at,
    created_at: record.created_at,
  }
}

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const rhythm = req.scope.resolve<OrderRhythmModuleService>(ORDER_RHYTHM_MODULE)
  const tokens = await rhythm.displayTokens.list()
  res.json({ display_tokens: tokens.map(presentToken) })
}

/**
 * Creates a token for one wall screen; the response is the only time the token is shown. The
 * token is made here and only its hash goes through the workflow, whose context is stored.
 */
export async function POST(req: AuthenticatedMedusaRequest<PostDisplayTokenBodyType>, res: MedusaResponse) {
  const rhythm = req.scope.resolve<OrderRhythmModuleService>(ORDER_RHYTHM_MODULE)
  const body = req.validatedBody
  const { token, token_hash, token_prefix } = newDisplayTokenSecret()
  const { result } = await createDisplayTokenWorkflow(req.scope).run({
    input: {
      name: body.name,
      scopes: body.scopes,
      token_hash,
      token_prefix,
      expires_at: body.expires_at ? new Date(body.expires_at).toISOString() : null,
      created_by: req.auth_context?.actor_id ?? null,
    },
  })
  const record = await rhythm.displayTokens.find(result.id)
  res.status(201).json({ display_token: { ...presentToken(record), token } })
}
