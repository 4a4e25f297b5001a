/**
 * What to order: the gap up to S, raised to the minimum order quantity and then up to a whole
 * number of packs (a supplier ships packs; the MOQ is a floor, not a multiple).
 */
export function roundOrder(units: number, minimumOrderQuantity = 1, packSize = 1): number {
  if (!(units > 0)) return 0
  const pack = Math.max(1, packSize)
  const floor = Math.max(units, minimumOrderQuantity)
  return Math.ceil(floor / pack - 1e-9) * pack
}

/** Inventory position: what is free to sell now plus what is already on its way. */
export function inventoryPosition(stock: { onHand: number; reserved: number; onOrder: number }): number {
  return stock.onHand - stock.reserved + stock.onOrder
}

/** The reorder suggestion of an (R, s, S) policy at a review: order up to S once the position is at or below s. */
export function suggestedOrder(position: number, s: number, S: number, minimumOrderQuantity = 1, packSize = 1): number {
  return position <= s ? roundOrder(S - position, minimumOrderQuantity, packSize) : 0
}
