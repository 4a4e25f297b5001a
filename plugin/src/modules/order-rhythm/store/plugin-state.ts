import { rowId } from "./row-id"
import { Knex } from "./knex"

/** A value the plugin keeps between runs (cursor, label zone); null when never set. */
export async function readState<T>(knex: Knex, key: string): Promise<T | null> {
  const [row] = await knex("order_rhythm_state").where({ key }).whereNull("deleted_at")
  return row ? (row.value as T) : null
}

export async function writeState(knex: Knex, key: string, value: unknown): Promise<void> {
  await knex("order_rhythm_state")
    .insert({ id: rowId("orstate"), key, value: JSON.stringify(value) })
    .onConflict(knex.raw("(key) where deleted_at is null"))
    .merge(["value", "updated_at"])
}
