import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { toNumber } from "../../lib/facts"
import type { LevelObservation } from "../../modules/order-rhythm/store/write-inventory"

/** What an inventory event can point at: the item itself, one of its levels, or a reservation. */
export type InventoryPointers = {
  inventory_item_ids?: string[]
  level_ids?: string[]
  reservation_ids?: string[]
}

export type LoadedInventory = {
  levels: LevelObservation[]
  variantItems: Array<{ variant_id: string; inventory_item_id: string; required_quantity: number }>
}

/**
 * Reloads the stock levels of the inventory items an event pointed at, at every location,
 * as Medusa holds them now; and which variants draw on those items.
 */
export const loadInventoryStep = createStep(
  "order-rhythm-load-inventory",
  async (input: InventoryPointers, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const itemIds = new Set(input.inventory_item_ids ?? [])
    if (input.level_ids?.length) {
      const { data } = await query.graph({ entity: "inventory_level", fields: ["inventory_item_id"], filters: { id: input.level_ids } })
      for (const level of data as any[]) itemIds.add(level.inventory_item_id)
    }
    if (input.reservation_ids?.length) {
      // A deleted reservation is gone from Query; its level's change is caught by reconciliation.
      const { data } = await query.graph({ entity: "reservation", fields: ["inventory_item_id"], filters: { id: input.reservation_ids } })
      for (const reservation of data as any[]) itemIds.add(reservation.inventory_item_id)
    }
    const ids = [...itemIds]
    if (!ids.length) {
      return new StepResponse({ levels: [], variantItems: [] } as LoadedInventory)
    }
    const [{ data: levels }, { data: links }] = await Promise.all([
      query.graph({
        entity: "inventory_level",
        fields: ["inventory_item_id", "location_id", "stocked_quantity", "reserved_quantity", "incoming_quantity", "updated_at"],
        filters: { inventory_item_id: ids },
      }),
      // The link itself: through the items' variants Query would load every variant from the
      // Product module only to reach it (a checkout's stock ingest cost 11 ms more CPU that way).
      query.graph({
        entity: "product_variant_inventory_item",
        fields: ["variant_id", "inventory_item_id", "required_quantity"],
        filters: { inventory_item_id: ids },
      }),
    ])
    const variantItems: LoadedInventory["variantItems"] = (links as any[]).map((link) => ({
      variant_id: link.variant_id,
      inventory_item_id: link.inventory_item_id,
      required_quantity: toNumber(link.required_quantity ?? 1) || 1,
    }))
    return new StepResponse({
      levels: (levels as any[]).map((level) => ({
        inventory_item_id: level.inventory_item_id,
        location_id: level.location_id,
        stocked: toNumber(level.stocked_quantity),
        reserved: toNumber(level.reserved_quantity),
        incoming: toNumber(level.incoming_quantity),
        observed_at: new Date(level.updated_at),
      })),
      variantItems,
    } as LoadedInventory)
  }
)
