import { rowId } from "./row-id"
import { Knex } from "./knex"

export type LevelObservation = {
  inventory_item_id: string
  location_id: string
  stocked: number
  reserved: number
  incoming: number
  /** The level's own updated_at: when Medusa changed it, not when we heard. */
  observed_at: Date
}

/**
 * Adds a snapshot for each level whose stock differs from the last one stored; the same
 * level seen twice (a duplicate event, a reconciliation pass) adds nothing.
 */
export async function writeLevelSnapshots(knex: Knex, levels: LevelObservation[]): Promise<LevelObservation[]> {
  if (!levels.length) return []
  const { rows: latest } = await knex.raw(
    `select distinct on (inventory_item_id, location_id) inventory_item_id, location_id, stocked, reserved, incoming, observed_at
       from order_rhythm_inventory_snapshot
      where inventory_item_id = any(?) and deleted_at is null
      order by inventory_item_id, location_id, observed_at desc`,
    [[...new Set(levels.map((level) => level.inventory_item_id))]]
  )
  const last = new Map<string, any>(latest.map((row: any) => [`${row.inventory_item_id}|${row.location_id}`, row]))
  const changed = levels.filter((level) => {
    const before = last.get(`${level.inventory_item_id}|${level.location_id}`)
    return (
      !before ||
      (new Date(level.observed_at) > new Date(before.observed_at) &&
        (before.stocked !== level.stocked || before.reserved !== level.reserved || before.incoming !== level.incoming))
    )
  })
  if (changed.length) {
    await knex("order_rhythm_inventory_snapshot")
      .insert(changed.map((level) => ({ id: rowId("orinv"), ...level })))
      .onConflict(knex.raw("(inventory_item_id, location_id, observed_at) where deleted_at is null"))
      .ignore()
  }
  return changed
}
