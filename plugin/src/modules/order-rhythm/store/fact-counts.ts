import type { Knex } from "./knex"

/** How many orders the plugin holds facts for (a draft never has any; see lib/facts isDraft). */
export async function countOrderFacts(knex: Knex): Promise<number> {
  const [{ count }] = await knex("order_rhythm_order_fact").whereNull("deleted_at").count({ count: "*" })
  return Number(count)
}
