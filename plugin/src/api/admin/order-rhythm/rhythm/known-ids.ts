import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

// A wall asks for the same channel every few seconds; asking Medusa each time costs a Query
// round trip per request. Ids found are remembered for a minute; an id not found is looked up
// again at once, so a channel created a moment ago is never refused.
const REMEMBER_MS = 60_000
const found = new Map<string, number>()

/** The ids of this entity Medusa does not know (sales_channel, stock_location). */
export async function unknownIds(req: AuthenticatedMedusaRequest<any, any>, entity: "sales_channel" | "stock_location", ids: string[]): Promise<string[]> {
  const now = Date.now()
  const toCheck = ids.filter((id) => (found.get(`${entity}:${id}`) ?? 0) <= now)
  if (!toCheck.length) return []
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity, fields: ["id"], filters: { id: toCheck } })
  const known = new Set((data as Array<{ id: string }>).map((row) => row.id))
  for (const id of known) found.set(`${entity}:${id}`, now + REMEMBER_MS)
  return toCheck.filter((id) => !known.has(id))
}
