import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"

/** An unknown variant is a typo, not a product without demand: say so, naming the field. */
export async function assertKnownVariants(req: AuthenticatedMedusaRequest<any, any>, ids: string[]) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product_variant", fields: ["id"], filters: { id: ids } })
  const known = new Set((data as Array<{ id: string }>).map((row) => row.id))
  const unknown = ids.filter((id) => !known.has(id))
  if (unknown.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `variant_id: unknown product variant ${unknown.join(", ")}`)
  }
}
