import { model } from "@medusajs/framework/utils"

/**
 * A token for one wall screen: shown once when made, stored only as a hash, limited to its
 * scopes, revocable. A screen needs no admin login that could expire on the wall.
 */
export const DisplayToken = model
  .define("order_rhythm_display_token", {
    id: model.id({ prefix: "ordisp" }).primaryKey(),
    name: model.text(),
    scopes: model.json(),
    /** sha256 of the token: a leaked database does not open any screen. */
    token_hash: model.text().unique(),
    /** The first characters, so an admin can tell tokens apart in a list. */
    token_prefix: model.text(),
    expires_at: model.dateTime().nullable(),
    revoked_at: model.dateTime().nullable(),
    last_seen_at: model.dateTime().nullable(),
    created_by: model.text().nullable(),
  })
