import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"

/** A well-formed code that no currency has ("eur" typed as "eru") is a typo: say so. */
export async function assertKnownCurrencies(req: MedusaRequest, codes: string[], field = "currency_code") {
  const wanted = [...new Set(codes)]
  if (!wanted.length) return
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "currency", fields: ["code"], filters: { code: wanted } })
  const known = new Set((data as Array<{ code: string }>).map((row) => row.code.toLowerCase()))
  const unknown = wanted.filter((code) => !known.has(code))
  if (unknown.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `${field}: unknown currency ${unknown.join(", ")}`)
  }
}
