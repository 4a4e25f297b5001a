import type { Backlog } from "./backlog"
import type { OpenLate } from "./sla-breaches"
import type { SlaStage } from "./types"

/**
 * The figures of the orders still open at `now`, counted by the store instead of from every
 * open order's flow: the backlog (count, units, age percentiles and buckets) and, per SLA
 * stage, the open-and-late orders. They are the same figures backlogAt and slaBreaches give
 * from the flows (same age edges, type-7 percentiles, oldest first), but a store that never
 * records fulfilment in Medusa keeps every order open, and reading them all on every order's
 * recount would grow with its whole history.
 */
export type OpenOrders = {
  backlog: Backlog
  late: Partial<Record<SlaStage, OpenLate>>
}
