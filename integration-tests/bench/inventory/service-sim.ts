/**
 * The service-level simulation for one data set: the plugin's policy at each target over every
 * item, then the textbook policy with z tuned (bisection) on half of the items to reach the
 * cycle service level ours achieved there, compared on the other half.
 */
import { leadTimeDistribution, type PolicySettings, type ServiceTarget } from "../../../plugin/src/lib/inventory"
import { FitCache, type PolicyLog } from "./planners"
import { addOutcome, emptyOutcome, hashSeed, seeded, simulateItem, type Outcome, type Planner } from "./simulate"
import { textbookPlanner } from "./textbook"

export const CSL_TARGETS = [0.9, 0.95, 0.99]
export const FILL_TARGETS = [0.95, 0.98, 0.99]

export type DataSet = {
  name: string
  items: { id: string; values: number[] }[]
  start: number
  end: number
  leadTime: { mean: number; sd: number }
  /** periods of sales the textbook's mean and sigma are taken over */
  textbookWindow: number
  planner: (item: { id: string; values: number[] }, settings: PolicySettings, cache: FitCache<any>, log: PolicyLog) => Planner
}

export type ItemRun = { id: string; half: "tune" | "report"; intermittent: boolean; outcome: Outcome }
export type TargetRun = { target: ServiceTarget; items: ItemRun[] }

export const csl = (o: Outcome) => (o.cycles ? 1 - o.stockOutCycles / o.cycles : NaN)
export const predicted = (o: Outcome) => (o.cycles ? o.predictedSum / o.cycles : NaN)
export const fill = (o: Outcome) => (o.demand ? 1 - o.lost / o.demand : NaN)
export const predictedFill = (o: Outcome) => (o.demand ? o.predictedFillSum / o.demand : NaN)
export const meanStock = (o: Outcome) => o.stockSum / o.periods
export const total = (runs: readonly ItemRun[]) => runs.reduce((a, r) => addOutcome(a, r.outcome), emptyOutcome())

function settingsFor(ds: DataSet, target: ServiceTarget): PolicySettings {
  return {
    leadTimeDays: ds.leadTime.mean,
    leadTimeSdDays: ds.leadTime.sd,
    target,
    rounding: "nearest",
    reviewPeriodDays: 1,
    minimumOrderQuantity: 1,
    packSize: 1,
    unitCost: null,
    overstockMarginDays: 30,
  }
}

/** Every target's policy over every item; the items' fits are shared while their histories agree. */
export function runOurs(ds: DataSet, targets: readonly ServiceTarget[], progress: (s: string) => void): { runs: TargetRun[]; fits: number; shared: number } {
  const points = leadTimeDistribution(ds.leadTime.mean, ds.leadTime.sd)
  const runs: TargetRun[] = targets.map((target) => ({ target, items: [] }))
  let fits = 0
  let shared = 0
  ds.items.forEach((item, i) => {
    const cache = new FitCache<any>()
    targets.forEach((target, k) => {
      const log: PolicyLog = { intermittent: null }
      const planner = ds.planner(item, settingsFor(ds, target), cache, log)
      const outcome = simulateItem(item.values, ds.start, ds.end, planner, points, seeded(hashSeed(`${ds.name}:${item.id}`)))
      runs[k].items.push({ id: item.id, half: i % 2 === 0 ? "tune" : "report", intermittent: log.intermittent ?? false, outcome })
    })
    fits += cache.misses
    shared += cache.hits
    if ((i + 1) % Math.max(1, Math.round(ds.items.length / 10)) === 0) progress(`  ${ds.name}: ${i + 1}/${ds.items.length} items`)
  })
  return { runs, fits, shared }
}

export function runTextbook(ds: DataSet, z: number, half: "tune" | "report", only?: ReadonlySet<string>): Outcome {
  const points = leadTimeDistribution(ds.leadTime.mean, ds.leadTime.sd)
  let out = emptyOutcome()
  ds.items.forEach((item, i) => {
    if ((i % 2 === 0 ? "tune" : "report") !== half || (only && !only.has(item.id))) return
    const planner = textbookPlanner(z, ds.leadTime.mean, 1, ds.textbookWindow)
    out = addOutcome(out, simulateItem(item.values, ds.start, ds.end, planner, points, seeded(hashSeed(`${ds.name}:${item.id}`))))
  })
  return out
}

/** z such that the textbook policy's cycle service level on the tuning half equals `level` (bisection). */
export function tuneTextbookZ(ds: DataSet, level: number): number {
  // wide: on carparts' slow movers the textbook needs z near 8 to reach 99%
  let lo = -2
  let hi = 16
  for (let i = 0; i < 22; i++) {
    const mid = (lo + hi) / 2
    if (csl(runTextbook(ds, mid, "tune")) < level) lo = mid
    else hi = mid
  }
  return (lo + hi) / 2
}
