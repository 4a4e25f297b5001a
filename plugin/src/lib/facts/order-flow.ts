import type { StageFactRow } from "./stage-facts"

export type OrderFlowTimes = {
  captured_at: Date | null
  first_fulfilled_at: Date | null
  /** When the fulfilled units first covered the whole order. */
  fully_fulfilled_at: Date | null
  first_shipped_at: Date | null
  fully_shipped_at: Date | null
  fully_delivered_at: Date | null
  fulfilled_units: number
  shipped_units: number
  delivered_units: number
  returned_units: number
}

/**
 * An order's flow from its stage facts: the first time each stage happened and the
 * time its units covered the whole order (partial fulfilments are normal).
 */
export function deriveOrderFlow(stages: StageFactRow[], orderUnits: number): OrderFlowTimes {
  const of = (stage: StageFactRow["stage"]) =>
    stages.filter((fact) => fact.stage === stage).sort((a, b) => +a.occurred_at - +b.occurred_at)
  const fulfilled = of("fulfilled")
  const shipped = of("shipped")
  const delivered = of("delivered")
  return {
    captured_at: of("captured")[0]?.occurred_at ?? null,
    first_fulfilled_at: fulfilled[0]?.occurred_at ?? null,
    fully_fulfilled_at: coveredAt(fulfilled, orderUnits),
    first_shipped_at: shipped[0]?.occurred_at ?? null,
    fully_shipped_at: coveredAt(shipped, orderUnits),
    fully_delivered_at: coveredAt(delivered, orderUnits),
    fulfilled_units: sumUnits(fulfilled),
    shipped_units: sumUnits(shipped),
    delivered_units: sumUnits(delivered),
    returned_units: sumUnits(of("returned")),
  }
}

function sumUnits(facts: StageFactRow[]): number {
  return facts.reduce((sum, fact) => sum + fact.units, 0)
}

function coveredAt(sorted: StageFactRow[], orderUnits: number): Date | null {
  if (orderUnits <= 0) {
    return null
  }
  let covered = 0
  for (const fact of sorted) {
    covered += fact.units
    if (covered >= orderUnits) {
      return fact.occurred_at
    }
  }
  return null
}
