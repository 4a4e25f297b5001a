/** One line of a pay statement: its amount already rounded to the minor unit, and its orders. */
export type StatementLineKind = "commission" | "accelerator" | "threshold_bonus" | "cap" | "clawback" | "adjustment"

export type StatementLine = {
  kind: StatementLineKind
  /** what the line is, for a person */
  label: string
  /** integer minor units, rounded half up on its own */
  amount: number
  /** the quantity the line pays on (minor units or a count), when it pays on one */
  basis?: number
  /** the rate or multiplier applied, as decimal text */
  rate?: string
  /** the orders behind the figure */
  orderIds: string[]
  /** orders whose reversal was taken off the figure */
  reversedOrderIds?: string[]
  /** for a clawback: the closed period the order was paid in */
  fromPeriodId?: string
  /** for an adjustment: why, and by whom */
  reason?: string
  by?: string | null
}

export function linesTotal(lines: readonly StatementLine[]): number {
  let t = 0
  for (const l of lines) t += l.amount
  return t
}
