import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ORDER_RHYTHM_MODULE } from "../../../../modules/order-rhythm"
import type OrderRhythmModuleService from "../../../../modules/order-rhythm/service"

/** Where the wall display answers, so Medusa Admin can hand a screen its URL, and how many screens watch it. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const rhythm = req.scope.resolve<OrderRhythmModuleService>(ORDER_RHYTHM_MODULE)
  res.json({
    live: {
      port: (await rhythm.live.port()) ?? rhythm.options.socket.port,
      running: (await rhythm.live.port()) !== null,
      timezone: rhythm.options.timezone,
      screens: await rhythm.live.screenCount(),
    },
  })
}
