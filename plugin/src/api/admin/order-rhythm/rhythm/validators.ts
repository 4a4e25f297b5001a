import { z } from "@medusajs/framework/zod"

// Medusa prints a custom message without the field's name, so the message carries it.
const instant = (field: string) =>
  z.iso.datetime({ offset: true, message: `${field}: must be an ISO 8601 date-time, e.g. 2026-11-27T00:00:00Z` })
const ids = z
  .union([z.string().min(1), z.array(z.string().min(1))])
  .transform((value) => [value].flat())
  .optional()

/** GET /admin/order-rhythm/rhythm: a window (default the last 7 days), its granularity and filters. */
export const GetRhythmQuery = z
  .object({
    from: instant("from").optional(),
    to: instant("to").optional(),
    granularity: z.enum(["hour", "day"]).default("hour"),
    sales_channel_id: ids,
    stock_location_id: z.string().min(1).optional(),
  })
  .strict()
  .refine((query) => !query.from || !query.to || Date.parse(query.from) < Date.parse(query.to), {
    message: "to: the window is inverted, from must be before to",
    path: ["to"],
  })
  .refine(
    (query) => !query.from || !query.to || Date.parse(query.to) - Date.parse(query.from) <= 400 * 86_400_000,
    { message: "from: the window is longer than 400 days", path: ["from"] }
  )

export type GetRhythmQueryType = z.infer<typeof GetRhythmQuery>
