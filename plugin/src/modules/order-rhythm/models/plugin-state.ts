import { model } from "@medusajs/framework/utils"

/** Small named values the plugin keeps between runs: the reconciliation cursor, the zone its labels use. */
export const PluginState = model.define("order_rhythm_state", {
  id: model.id({ prefix: "orstate" }).primaryKey(),
  key: model.text().unique(),
  value: model.json(),
})
