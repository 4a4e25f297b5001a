import { model } from "@medusajs/framework/utils"

/**
 * A digest block above the hour whose hours changed since it was last added up. Ingests only
 * recount their hours and mark the blocks above them here; a refresh shortly after adds the
 * blocks up again. Until then a read takes a stale block's children instead, so it is never
 * wrong, only a few rows longer.
 */
export const StaleDigest = model
  .define("order_rhythm_stale_digest", {
    id: model.id({ prefix: "orstale" }).primaryKey(),
    block_hours: model.number(),
    block_start: model.dateTime(),
  })
  .indexes([{ on: ["block_hours", "block_start"], unique: true }])
