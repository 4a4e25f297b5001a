import { z } from "@medusajs/framework/zod"

// Medusa prints a custom message without the field's name, so the message carries it.
const id = (field: string) => z.string({ message: `${field}: required` }).min(1, { message: `${field}: must not be empty` })

/** GET /admin/order-rhythm/forecasts: one variant, optionally one stock location, days ahead. */
export const GetForecastsQuery = z
  .object({
    variant_id: id("variant_id"),
    /** "" is the demand no stock location was reserved for (orders without a reservation) */
    location_id: z.string().optional(),
    horizon: z.coerce
      .number({ message: "horizon: must be a number of days" })
      .int({ message: "horizon: must be a whole number of days" })
      .min(1, { message: "horizon: must be at least 1 day" })
      .max(180, { message: "horizon: must be at most 180 days" })
      .default(28),
  })
  .strict()

export type GetForecastsQueryType = z.infer<typeof GetForecastsQuery>

/** POST /admin/order-rhythm/forecasts/recompute: all variants, or the given ones. */
export const PostRecomputeForecastsBody = z
  .object({
    variant_id: z
      .union([id("variant_id"), z.array(id("variant_id")).min(1, { message: "variant_id: must list at least one variant" })])
      .transform((value) => [value].flat())
      .optional(),
    /** "select" runs the model contest, "refit" re-estimates the chosen models */
    kind: z.enum(["select", "refit"], { message: 'kind: must be "select" or "refit"' }).default("select"),
    wait: z.boolean({ message: "wait: must be true or false" }).default(true),
  })
  .strict()

export type PostRecomputeForecastsBodyType = z.infer<typeof PostRecomputeForecastsBody>
