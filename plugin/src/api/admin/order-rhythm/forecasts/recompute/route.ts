import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { recomputeForecastsWorkflow } from "../../../../../workflows/forecasts/recompute-forecasts"
import { assertKnownVariants } from "../known-variants"
import type { PostRecomputeForecastsBodyType } from "../validators"

/**
 * Fits the forecasts now instead of waiting for the night: after an import, a price change, or
 * for one variant whose settings changed. `wait: false` answers at once and lets it run.
 */
export async function POST(req: AuthenticatedMedusaRequest<PostRecomputeForecastsBodyType>, res: MedusaResponse) {
  const body = req.validatedBody
  if (body.variant_id) await assertKnownVariants(req, body.variant_id)
  const run = recomputeForecastsWorkflow(req.scope).run({ input: { kind: body.kind, variant_ids: body.variant_id } })
  if (!body.wait) {
    run.catch((error) => req.scope.resolve("logger").error(`order-rhythm: forecast recompute failed: ${error?.stack ?? error}`))
    res.status(202).json({ recompute: { started: true } })
    return
  }
  const { result } = await run
  res.json({ recompute: result })
}
