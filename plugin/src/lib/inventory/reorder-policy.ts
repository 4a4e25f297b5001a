/**
 * The (R, s, S) policy of one inventory item at one stock location: every R days (R = 0: whenever
 * stock moves) the inventory position (on hand - reserved + on order) is compared with the
 * reorder point s; at or below it, order up to S = s + the review period's mean demand (at least
 * one unit), rounded up to MOQ and pack size.
 *
 * s is the smallest whole number that meets the target against the demand it must cover: lead-
 * time demand (the forecast's quantiles, mixed over the lead time's spread) plus the undershoot
 * of the review (undershoot.ts). Safety stock is s minus that demand's mean.
 */
import { meanOver, type SeriesDemand } from "./demand-quantiles"
import { convolve, expectedShortage, latticeMean } from "./lattice"
import { commonStep, demandModel, leadTimeDemandLattice, totalLattice, type DemandDistribution } from "./lead-time-demand"
import { leadTimeDistribution, leadTimeMean } from "./lead-time"
import { daysOfCover, stockOutDate } from "./cover"
import { inventoryPosition, roundOrder, suggestedOrder } from "./order-quantity"
import { overstock, unitValue, type Overstock, type ValueBasis } from "./overstock"
import { cycleServiceLevel, fillRate, reorderPointFor, unitsPerCycle, type Rounding, type ServiceTarget } from "./service-level"
import { undershoot } from "./undershoot"

export type PolicySettings = {
  leadTimeDays: number
  leadTimeSdDays: number
  target: ServiceTarget
  /** whole-unit s: closest to the target (levels average out over items) or at least the target per item */
  rounding: Rounding
  reviewPeriodDays: number
  minimumOrderQuantity: number
  packSize: number
  /** per unit; null when the store keeps none (values then at selling price, labelled) */
  unitCost: number | null
  /** days of cover beyond review + lead time before stock counts as overstock */
  overstockMarginDays: number
}

export type StockPosition = { onHand: number; reserved: number; onOrder: number }

export type PolicyInput = {
  inventory_item_id: string
  location_id: string
  demand: SeriesDemand
  settings: PolicySettings
  /** null: stock not known yet (before the plugin saw a level), so no suggestion, cover or risk */
  stock: StockPosition | null
  /** revenue per unit of the item (its variants' prices, weighted by their demand) */
  sellingPrice: number | null
  /** ISO date of the forecast's first day (today) */
  firstDate: string
}

export type InventoryPolicy = {
  inventory_item_id: string
  location_id: string
  distribution: DemandDistribution
  target: ServiceTarget
  leadTimeDemandMean: number
  /** mean units the position is below s when the review sees it (undershoot) */
  undershootMean: number
  safetyStock: number
  reorderPoint: number
  orderUpTo: number
  /** the cycle service level and fill rate the whole-unit s predicts */
  predictedCycleServiceLevel: number
  predictedFillRate: number
  position: number | null
  suggestedOrder: number
  belowReorderPoint: boolean
  daysOfCover: number | null
  stockOutDate: string | null
  /** stock-out expected before an order placed now could arrive */
  stockOutWithinLeadTime: boolean
  /** expected units short before the next possible receipt, and their revenue */
  unitsAtRisk: number
  revenueAtRisk: number | null
  overstock: Overstock
  /** value of the position's stock at unit cost (or selling price, see valueBasis) */
  stockValue: number | null
  valueBasis: ValueBasis
}

/** The protection demand and its parts: what the engine needs for s, exposed for the benchmark. */
export function protectionDemand(demand: SeriesDemand, settings: PolicySettings) {
  const leadTime = leadTimeDistribution(settings.leadTimeDays, settings.leadTimeSdDays)
  const review = Math.max(0, Math.round(settings.reviewPeriodDays))
  const model = demandModel(demand, Math.max(1, leadTimeMean(leadTime)))
  const step = commonStep(model, leadTime, review)
  const leadDemand = leadTimeDemandLattice(model, leadTime, step)
  const orderQuantity = roundOrder(Math.max(1, Math.round(meanOver(demand.mean, review))), settings.minimumOrderQuantity, settings.packSize)
  const under = review > 0 ? undershoot(totalLattice(model, review, step), orderQuantity) : totalLattice(model, 0, step)
  const total = convolve(leadDemand, under)
  return { model, leadTime, leadDemand, undershoot: under, total, orderQuantity, perCycle: unitsPerCycle(orderQuantity, under) }
}

export function reorderPolicy(input: PolicyInput): InventoryPolicy {
  const { settings, demand, stock } = input
  const p = protectionDemand(demand, settings)
  const s = reorderPointFor(p.total, settings.target, p.perCycle, settings.rounding)
  // S - s is the order quantity the undershoot was computed for, rounded to MOQ and packs
  const S = s + p.orderQuantity
  const position = stock ? inventoryPosition(stock) : null
  const value = unitValue(settings.unitCost, input.sellingPrice)
  const available = stock ? stock.onHand - stock.reserved : null
  const cover = available === null ? null : daysOfCover(available, demand.mean)
  const leadDays = leadTimeMean(p.leadTime)
  // what is on order is assumed to arrive within the lead time: the shortage before a new order could land
  const unitsAtRisk = position === null ? 0 : expectedShortage(p.leadDemand, Math.max(0, position))
  const leadMean = latticeMean(p.leadDemand)
  return {
    inventory_item_id: input.inventory_item_id,
    location_id: input.location_id,
    distribution: p.model.distribution,
    target: settings.target,
    leadTimeDemandMean: leadMean,
    undershootMean: latticeMean(p.undershoot),
    safetyStock: s - latticeMean(p.total),
    reorderPoint: s,
    orderUpTo: S,
    predictedCycleServiceLevel: cycleServiceLevel(p.total, s),
    predictedFillRate: fillRate(p.total, s, p.perCycle),
    position,
    suggestedOrder: position === null ? 0 : suggestedOrder(position, s, S, settings.minimumOrderQuantity, settings.packSize),
    belowReorderPoint: position !== null && position <= s,
    daysOfCover: cover,
    stockOutDate: cover === null ? null : stockOutDate(cover, input.firstDate),
    stockOutWithinLeadTime: cover !== null && cover < leadDays,
    unitsAtRisk,
    revenueAtRisk: input.sellingPrice === null ? null : unitsAtRisk * input.sellingPrice,
    overstock: overstock(position ?? 0, S, demand.mean, settings.reviewPeriodDays, leadDays, settings.overstockMarginDays, value),
    stockValue: position === null || value.value === null ? null : Math.max(0, position) * value.value,
    valueBasis: value.basis,
  }
}

