import type { StatementLine } from "./statement-line"

/**
 * A manual adjustment: an amount an admin adds to or takes off a rep's statement, never without
 * a reason. It is not capped: the cap limits what the plan pays, not what an admin decides.
 */
export type Adjustment = {
  id: string
  repId: string
  periodId: string
  /** signed, minor units */
  amount: number
  reason: string
  by?: string | null
  orderIds?: string[]
}

export function adjustmentLine(a: Adjustment): StatementLine {
  if (!a.reason || !a.reason.trim()) throw new RangeError(`adjustment ${a.id} has no reason`)
  if (!Number.isSafeInteger(a.amount)) throw new RangeError(`adjustment ${a.id} is not whole minor units`)
  return { kind: "adjustment", label: `adjustment: ${a.reason.trim()}`, amount: a.amount, orderIds: a.orderIds ?? [], reason: a.reason.trim(), by: a.by ?? null }
}
