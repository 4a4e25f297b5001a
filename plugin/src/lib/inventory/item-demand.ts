/**
 * Medusa reorders inventory items, not variants: an item's demand at a stock location is the sum
 * over the variants that use it of variant demand x required_quantity.
 *
 * - One variant taking one unit: its forecast as is. A variant taking r units: r times its demand.
 * - Several variants sharing an item: their demands are taken as independent (different products
 *   a shopper picks between). Means add; each quantile's distance from the mean adds in quadrature
 *   (sqrt of the sum of squares), which is exact for normal totals and leaves one variant's row
 *   unchanged. The combined item counts as intermittent only if every part is.
 * - Demand with no location (orders whose reservation named none) is shared out to the item's
 *   locations by their share w of its located demand; the allocated part is thinned like a
 *   Poisson stream: mean x w, spread x sqrt(w) (exact for Poisson demand, a little wide for lumpier).
 * - Variants that do not manage inventory or allow backorders get no policy: their stock is not a
 *   limit on sales, so there is no stock-out to protect against.
 */
import { meanOver, type DemandQuantiles, type SeriesDemand } from "./demand-quantiles"

export type VariantInventory = {
  variant_id: string
  manage_inventory: boolean
  allow_backorder: boolean
  items: { inventory_item_id: string; required_quantity: number }[]
  /** selling price of one unit of the variant */
  price: number | null
  /** its forecasts per stock location; location_id null: demand no location was recorded for */
  forecasts: { location_id: string | null; demand: SeriesDemand }[]
}

export type ItemDemand = {
  inventory_item_id: string
  location_id: string
  demand: SeriesDemand
  /** revenue per unit of the item: its variants' prices per item unit, weighted by their demand */
  sellingPrice: number | null
  variant_ids: string[]
}

export type NoPolicyReason = "does not manage inventory" | "allows backorders" | "has no inventory item"
export type NoPolicy = { variant_id: string; reason: NoPolicyReason }

type Part = { variant_id: string; location_id: string | null; scale: number; spread: number; demand: SeriesDemand; price: number | null; required: number }

export function noPolicyReason(v: Pick<VariantInventory, "manage_inventory" | "allow_backorder" | "items">): NoPolicyReason | null {
  if (!v.manage_inventory) return "does not manage inventory"
  if (v.allow_backorder) return "allows backorders"
  if (!v.items.length) return "has no inventory item"
  return null
}

/**
 * Item x location demands from the variants. `locationsOf` names an item's stock locations, for
 * demand with no location when none of the item's demand has one (shared equally then).
 */
export function itemDemands(variants: readonly VariantInventory[], locationsOf: (itemId: string) => readonly string[] = () => []): { demands: ItemDemand[]; noPolicy: NoPolicy[] } {
  const noPolicy: NoPolicy[] = []
  const byItem = new Map<string, Part[]>()
  for (const v of variants) {
    const reason = noPolicyReason(v)
    if (reason) {
      noPolicy.push({ variant_id: v.variant_id, reason })
      continue
    }
    for (const it of v.items) {
      const parts = byItem.get(it.inventory_item_id) ?? []
      for (const f of v.forecasts) parts.push({ variant_id: v.variant_id, location_id: f.location_id, scale: it.required_quantity, spread: it.required_quantity, demand: f.demand, price: v.price, required: it.required_quantity })
      byItem.set(it.inventory_item_id, parts)
    }
  }
  const demands: ItemDemand[] = []
  for (const [itemId, parts] of byItem) {
    const located = parts.filter((p) => p.location_id !== null)
    const loose = parts.filter((p) => p.location_id === null)
    const volume = new Map<string, number>()
    for (const p of located) volume.set(p.location_id!, (volume.get(p.location_id!) ?? 0) + p.scale * meanOver(p.demand.mean, p.demand.mean.length))
    let locations = [...volume.keys()]
    let total = [...volume.values()].reduce((a, b) => a + b, 0)
    if (!(total > 0)) {
      locations = [...new Set([...locations, ...locationsOf(itemId)])]
      locations.forEach((l) => volume.set(l, 1))
      total = locations.length
    }
    for (const location of locations.sort()) {
      const w = (volume.get(location) ?? 0) / total
      const here = located.filter((p) => p.location_id === location)
      if (w > 0) for (const p of loose) here.push({ ...p, location_id: location, scale: p.scale * w, spread: p.spread * Math.sqrt(w) })
      if (!here.length) continue
      demands.push({
        inventory_item_id: itemId,
        location_id: location,
        demand: combine(here),
        sellingPrice: pricePerItemUnit(here),
        variant_ids: [...new Set(here.map((p) => p.variant_id))].sort(),
      })
    }
  }
  return { demands, noPolicy }
}

function combine(parts: readonly Part[]): SeriesDemand {
  if (parts.length === 1 && parts[0].scale === 1 && parts[0].spread === 1) return parts[0].demand
  const levels = parts[0].demand.quantiles.levels
  const days = Math.max(...parts.map((p) => p.demand.mean.length))
  const horizon = Math.min(...parts.map((p) => p.demand.quantiles.cumulative.length))
  const mean = Array.from({ length: days }, (_, k) => parts.reduce((s, p) => s + p.scale * (p.demand.mean[Math.min(k, p.demand.mean.length - 1)] ?? 0), 0))
  const row = (pick: (q: DemandQuantiles) => number[][], meanAt: (p: Part, h: number) => number) => (h: number) =>
    levels.map((_, j) => {
      let centre = 0
      let dev = 0
      let sq = 0
      for (const p of parts) {
        const m = meanAt(p, h)
        const d = p.spread * (pick(p.demand.quantiles)[h][j] - m)
        centre += p.scale * m
        dev += d
        sq += d * d
      }
      return Math.max(0, centre + Math.sign(dev) * Math.sqrt(sq))
    })
  const cumulativeRow = row((q) => q.cumulative, (p, h) => meanOver(p.demand.mean, h + 1))
  const dailyRow = row((q) => q.daily, (p, h) => p.demand.mean[Math.min(h, p.demand.mean.length - 1)] ?? 0)
  const dailyHorizon = Math.min(...parts.map((p) => p.demand.quantiles.daily.length))
  return {
    mean,
    intermittent: parts.every((p) => p.demand.intermittent),
    quantiles: {
      levels,
      cumulative: Array.from({ length: horizon }, (_, h) => cumulativeRow(h)),
      daily: Array.from({ length: dailyHorizon }, (_, h) => dailyRow(h)),
    },
  }
}

/** A unit of the item short loses 1 / required_quantity of a variant sale. */
function pricePerItemUnit(parts: readonly Part[]): number | null {
  let revenue = 0
  let units = 0
  for (const p of parts) {
    if (p.price === null) return null
    const m = meanOver(p.demand.mean, p.demand.mean.length) * (p.scale / p.required)
    revenue += m * p.price
    units += m * p.required
  }
  return units > 0 ? revenue / units : parts.reduce((s, p) => s + (p.price ?? 0) / p.required, 0) / parts.length
}
