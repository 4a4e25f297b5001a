import { describe, expect, it } from "vitest"
import { inventoryPosition, roundOrder, suggestedOrder } from "./order-quantity"

describe("order quantity", () => {
  it("raises to the MOQ, then to whole packs", () => {
    expect(roundOrder(7, 10, 6)).toBe(12)
    expect(roundOrder(13, 10, 6)).toBe(18)
    expect(roundOrder(24, 10, 6)).toBe(24)
    expect(roundOrder(3, 1, 1)).toBe(3)
    expect(roundOrder(0, 10, 6)).toBe(0)
    expect(roundOrder(-4, 10, 6)).toBe(0)
  })

  it("orders only at or below s, up to S", () => {
    expect(inventoryPosition({ onHand: 20, reserved: 4, onOrder: 10 })).toBe(26)
    expect(suggestedOrder(26, 25, 60)).toBe(0)
    expect(suggestedOrder(25, 25, 60)).toBe(35)
    expect(suggestedOrder(25, 25, 60, 40, 12)).toBe(48)
    expect(suggestedOrder(-5, 25, 60)).toBe(65)
  })
})
