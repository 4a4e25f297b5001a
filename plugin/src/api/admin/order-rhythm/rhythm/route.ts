import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { ORDER_RHYTHM_MODULE } from "../../../../modules/order-rhythm"
import type OrderRhythmModuleService from "../../../../modules/order-rhythm/service"
import type { GetRhythmQueryType } from "./validators"
import { unknownIds } from "./known-ids"

const DAY_MS = 86_400_000

/** The order rhythm for a window: rates, backlog, cycle times, SLA, heat map, today, series. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, GetRhythmQueryType>, res: MedusaResponse) {
  const query = req.validatedQuery as GetRhythmQueryType
  await assertKnown(req, query)
  const now = new Date()
  const toUtc = query.to ? new Date(query.to).toISOString() : now.toISOString()
  const fromUtc = query.from ? new Date(query.from).toISOString() : new Date(Date.parse(toUtc) - 7 * DAY_MS).toISOString()
  const rhythm = req.scope.resolve<OrderRhythmModuleService>(ORDER_RHYTHM_MODULE)
  const result = await rhythm.figures.rhythm({
    nowUtc: now.toISOString(),
    fromUtc,
    toUtc,
    granularity: query.granularity,
    channels: query.sales_channel_id,
    locationId: query.stock_location_id,
  })
  res.json({ rhythm: result })
}

/** An unknown channel or location is a typo, not an empty store: say so. */
async function assertKnown(req: AuthenticatedMedusaRequest, query: GetRhythmQueryType) {
  const channels = query.sales_channel_id?.length ? await unknownIds(req, "sales_channel", query.sales_channel_id) : []
  if (channels.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `sales_channel_id: unknown sales channel ${channels.join(", ")}`)
  }
  const locations = query.stock_location_id ? await unknownIds(req, "stock_location", [query.stock_location_id]) : []
  if (locations.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `stock_location_id: unknown stock location ${query.stock_location_id}`)
  }
}
