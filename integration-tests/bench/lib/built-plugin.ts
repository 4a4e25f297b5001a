import path from "node:path"

/** The plugin's folder in node_modules: Medusa runs its build, and so do the benches. */
export const PLUGIN_DIR = path.dirname(require.resolve("order-rhythm/package.json"))

/** A file of the plugin's build (`.medusa/server/src/...`), for internals no package export offers. */
export const builtPlugin = (file: string) => require(path.join(PLUGIN_DIR, ".medusa/server/src", file))

/**
 * What a backfill from scratch empties: the plugin's facts and aggregates. Stock history stays,
 * as Medusa keeps none to rebuild it from.
 */
export const factTables = (): string[] =>
  builtPlugin("modules/order-rhythm/store/planner-statistics.js").GROWING_TABLES.filter((table: string) => table !== "order_rhythm_inventory_snapshot")
