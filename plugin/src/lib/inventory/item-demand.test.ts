import { describe, expect, it } from "vitest"
import { itemDemands, type VariantInventory } from "./item-demand"
import { normalQuantile } from "./normal"
import { normalDemand } from "./test-demand"

const variant = (id: string, items: VariantInventory["items"], forecasts: VariantInventory["forecasts"], more: Partial<VariantInventory> = {}): VariantInventory => ({
  variant_id: id,
  manage_inventory: true,
  allow_backorder: false,
  items,
  price: 10,
  forecasts,
  ...more,
})

describe("item demand from variants", () => {
  it("takes one variant of one unit as it is", () => {
    const d = normalDemand(5, 2)
    const { demands } = itemDemands([variant("v1", [{ inventory_item_id: "i1", required_quantity: 1 }], [{ location_id: "l1", demand: d }])])
    expect(demands).toHaveLength(1)
    expect(demands[0].demand).toBe(d)
    expect(demands[0].sellingPrice).toBe(10)
  })

  it("multiplies by required_quantity (a pack of 3 uses 3 units per sale, each unit a third of its price)", () => {
    const d = normalDemand(5, 2)
    const { demands } = itemDemands([variant("pack", [{ inventory_item_id: "i1", required_quantity: 3 }], [{ location_id: "l1", demand: d }], { price: 30 })])
    expect(demands[0].demand.mean[0]).toBeCloseTo(15, 12)
    expect(demands[0].demand.quantiles.cumulative[3][2]).toBeCloseTo(3 * d.quantiles.cumulative[3][2], 9)
    expect(demands[0].sellingPrice).toBeCloseTo(10, 12)
  })

  it("adds shared variants' spreads in quadrature (independent demands)", () => {
    // sd 3 and 4 a day over 4 days: 6 and 8 -> 10; mean 40 + 20 = 60
    const { demands } = itemDemands([
      variant("a", [{ inventory_item_id: "i1", required_quantity: 1 }], [{ location_id: "l1", demand: normalDemand(10, 3) }]),
      variant("b", [{ inventory_item_id: "i1", required_quantity: 1 }], [{ location_id: "l1", demand: normalDemand(5, 4) }], { price: 40 }),
    ])
    const row = demands[0].demand.quantiles.cumulative[3]
    expect(row[3]).toBeCloseTo(60 + 10 * normalQuantile(0.95), 9)
    // revenue per unit weighted by demand: (10 * 10 + 5 * 40) / 15
    expect(demands[0].sellingPrice).toBeCloseTo(20, 9)
    expect(demands[0].variant_ids).toEqual(["a", "b"])
  })

  it("shares demand with no location out by each location's share, thinned", () => {
    const { demands } = itemDemands([
      variant(
        "v",
        [{ inventory_item_id: "i1", required_quantity: 1 }],
        [
          { location_id: "l1", demand: normalDemand(30, 0.001) },
          { location_id: "l2", demand: normalDemand(10, 0.001) },
          { location_id: null, demand: normalDemand(8, 4) },
        ]
      ),
    ])
    const l1 = demands.find((d) => d.location_id === "l1")!
    const l2 = demands.find((d) => d.location_id === "l2")!
    expect(l1.demand.mean[0]).toBeCloseTo(36, 9)
    expect(l2.demand.mean[0]).toBeCloseTo(12, 9)
    // one day's 0.95 quantile: the loose part's sd 4 scaled by sqrt(3/4) at l1
    expect(l1.demand.quantiles.cumulative[0][3] - 36).toBeCloseTo(4 * Math.sqrt(0.75) * normalQuantile(0.95), 2)
  })

  it("gives no policy to variants whose stock does not limit sales, and says why", () => {
    const d = normalDemand(1, 1)
    const { demands, noPolicy } = itemDemands([
      variant("free", [{ inventory_item_id: "i1", required_quantity: 1 }], [{ location_id: "l1", demand: d }], { manage_inventory: false }),
      variant("back", [{ inventory_item_id: "i2", required_quantity: 1 }], [{ location_id: "l1", demand: d }], { allow_backorder: true }),
      variant("none", [], [{ location_id: "l1", demand: d }]),
    ])
    expect(demands).toHaveLength(0)
    expect(noPolicy).toEqual([
      { variant_id: "free", reason: "does not manage inventory" },
      { variant_id: "back", reason: "allows backorders" },
      { variant_id: "none", reason: "has no inventory item" },
    ])
  })
})
