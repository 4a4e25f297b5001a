/**
 * Overstock: stock (with what is on order) beyond what the next review, the lead time and a
 * margin will use, and above the order-up-to level S (S itself is wanted stock). Its value is
 * at unit cost, or at selling price when the store has no cost (Medusa keeps none), labelled so.
 */
import { meanOver } from "./demand-quantiles"

export type ValueBasis = "unit_cost" | "selling_price" | "none"

export type Overstock = { units: number; coverLimitDays: number; value: number | null; valueBasis: ValueBasis }

export function overstock(position: number, S: number, mean: readonly number[], reviewDays: number, leadDays: number, marginDays: number, unitValue: { value: number | null; basis: ValueBasis }): Overstock {
  const coverLimitDays = reviewDays + leadDays + marginDays
  const wanted = Math.max(S, meanOver(mean, coverLimitDays))
  const units = Math.max(0, position - wanted)
  return { units, coverLimitDays, value: unitValue.value === null ? null : units * unitValue.value, valueBasis: unitValue.basis }
}

export function unitValue(unitCost: number | null | undefined, sellingPrice: number | null | undefined): { value: number | null; basis: ValueBasis } {
  if (unitCost !== null && unitCost !== undefined) return { value: unitCost, basis: "unit_cost" }
  if (sellingPrice !== null && sellingPrice !== undefined) return { value: sellingPrice, basis: "selling_price" }
  return { value: null, basis: "none" }
}
