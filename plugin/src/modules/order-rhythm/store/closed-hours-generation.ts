import { CHANGED_CLOSED_AFTER_MS } from "./closed-hours"
import { rowId } from "./row-id"
import { Knex } from "./knex"

/**
 * The order_rhythm_state key of the closed hours' generation (see store/closed-hours): a random
 * token drawn anew at each change, not a counter, so a store emptied and filled again (a test, a
 * restore) can never show a copy the token it was made under.
 */
const KEY = "closed_hours_generation"

export async function readClosedHoursGeneration(knex: Knex): Promise<string> {
  const [row] = await knex("order_rhythm_state").select("value").where({ key: KEY }).whereNull("deleted_at")
  return row ? String(row.value) : "none"
}

/**
 * Called by a write with the hours it changed: when one of them is over (started more than
 * CHANGED_CLOSED_AFTER_MS ago), the generation changes in the write's own transaction, so every
 * process's copy of the closed hours is dropped by its next read after the commit.
 */
export async function noteChangedHours(knex: Knex, hourStartsMs: number[], nowMs = Date.now()): Promise<boolean> {
  if (!hourStartsMs.some((ms) => ms < nowMs - CHANGED_CLOSED_AFTER_MS)) return false
  await bumpClosedHoursGeneration(knex)
  return true
}

export async function bumpClosedHoursGeneration(knex: Knex): Promise<void> {
  await knex.raw(
    `insert into order_rhythm_state (id, key, value) values (?, ?, to_jsonb(gen_random_uuid()::text))
     on conflict (key) where deleted_at is null
     do update set value = excluded.value, updated_at = now()`,
    [rowId("orstate"), KEY]
  )
}
