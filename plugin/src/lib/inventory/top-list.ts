/**
 * What a room shows: the few item x locations that need someone now, not the whole catalogue.
 * Three lists, each cut to `limit` rows: stock-outs expected inside the lead time (by revenue at
 * risk), positions at or below the reorder point (by how far below, relative to s) and overstock
 * (by value tied up); plus how many there are of each, so the wall can say "and 212 more".
 */
import type { InventoryPolicy } from "./reorder-policy"

export type RiskKind = "stock_out" | "below_reorder_point" | "overstock"

export type TopRow = {
  key: string
  inventory_item_id: string
  location_id: string
  risk: RiskKind
  position: number | null
  reorderPoint: number
  orderUpTo: number
  suggestedOrder: number
  daysOfCover: number | null
  stockOutDate: string | null
  revenueAtRisk: number | null
  overstockValue: number | null
}

export type TopList = { rows: TopRow[]; counts: Record<RiskKind, number> }

export const policyKey = (p: Pick<InventoryPolicy, "inventory_item_id" | "location_id">) => `${p.inventory_item_id}|${p.location_id}`

export function riskOf(p: InventoryPolicy): RiskKind | null {
  if (p.stockOutWithinLeadTime) return "stock_out"
  if (p.belowReorderPoint) return "below_reorder_point"
  if (p.overstock.units > 0) return "overstock"
  return null
}

export function topList(policies: Iterable<InventoryPolicy>, limit = 20): TopList {
  const lists: Record<RiskKind, { p: InventoryPolicy; score: number }[]> = { stock_out: [], below_reorder_point: [], overstock: [] }
  const counts: Record<RiskKind, number> = { stock_out: 0, below_reorder_point: 0, overstock: 0 }
  for (const p of policies) {
    const risk = riskOf(p)
    if (!risk) continue
    counts[risk]++
    const score =
      risk === "stock_out"
        ? (p.revenueAtRisk ?? p.unitsAtRisk) * 1e6 - (p.daysOfCover ?? 0)
        : risk === "below_reorder_point"
          ? (p.reorderPoint - (p.position ?? 0)) / Math.max(1, p.reorderPoint)
          : p.overstock.value ?? p.overstock.units
    keepTop(lists[risk], { p, score }, limit)
  }
  const rows: TopRow[] = []
  for (const risk of ["stock_out", "below_reorder_point", "overstock"] as RiskKind[]) {
    for (const { p } of lists[risk]) {
      rows.push({
        key: policyKey(p),
        inventory_item_id: p.inventory_item_id,
        location_id: p.location_id,
        risk,
        position: p.position,
        reorderPoint: p.reorderPoint,
        orderUpTo: p.orderUpTo,
        suggestedOrder: p.suggestedOrder,
        daysOfCover: p.daysOfCover,
        stockOutDate: p.stockOutDate,
        revenueAtRisk: p.revenueAtRisk,
        overstockValue: p.overstock.value,
      })
    }
  }
  return { rows, counts }
}

/** Keeps the `limit` highest scores, best first, without holding or sorting the rest. */
function keepTop<T extends { score: number }>(list: T[], entry: T, limit: number) {
  if (list.length >= limit && entry.score <= list[list.length - 1].score) return
  let i = list.length
  while (i > 0 && list[i - 1].score < entry.score) i--
  list.splice(i, 0, entry)
  if (list.length > limit) list.pop()
}
