/**
 * The engine alone on a synthetic catalogue of 10,000 items x 3 locations: demand per item drawn
 * from a long-tailed mix (median 0.4 units a day, a tenth of items above 2 a day, the busiest near
 * 50), items under 1 a day intermittent with negative binomial totals, the rest normal with sd
 * sqrt(2 x mean) a day; locations take 50 / 30 / 20% of an item's demand; lead times 2-21 days,
 * half with a spread of a fifth of the mean; weekly review; 80% of items on a cycle service level
 * of 95%, 20% on a fill rate of 98%. Building the inputs is not timed; the policies and the
 * room's top list are.
 */
import { QUANTILE_LEVELS, countDemandRows, normalQuantile, reorderPolicy, topList, type InventoryPolicy, type PolicyInput, type SeriesDemand } from "./engine-inputs"
import { seeded } from "./simulate"

export function catalogue(items: number, locations = 3, horizon = 28): PolicyInput[] {
  const rng = seeded(20261208)
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng())
  const shares = [0.5, 0.3, 0.2]
  const inputs: PolicyInput[] = []
  for (let i = 0; i < items; i++) {
    const daily = Math.min(60, 0.4 * Math.exp(1.3 * gauss()))
    const lead = 2 + Math.floor(rng() * 20)
    const spread = rng() < 0.5 ? 0.2 * lead : 0
    const fill = rng() < 0.2
    for (let l = 0; l < locations; l++) {
      const mu = daily * shares[l % shares.length]
      const demand: SeriesDemand = mu < 1 ? countDemandRows(mu, 0.5, horizon) : normalRows(mu, Math.sqrt(2 * mu), horizon)
      const onHand = Math.round(mu * lead * (0.3 + 2.5 * rng()))
      inputs.push({
        inventory_item_id: `item_${i}`,
        location_id: `loc_${l}`,
        demand,
        settings: {
          leadTimeDays: lead,
          leadTimeSdDays: spread,
          target: fill ? { kind: "fill_rate", level: 0.98 } : { kind: "cycle_service_level", level: 0.95 },
          rounding: "nearest",
          reviewPeriodDays: 7,
          minimumOrderQuantity: 1,
          packSize: 1,
          unitCost: null,
          overstockMarginDays: 30,
        },
        stock: { onHand, reserved: Math.floor(onHand * 0.05), onOrder: 0 },
        sellingPrice: 5 + Math.round(rng() * 95),
        firstDate: "2026-12-08",
      })
    }
  }
  return inputs
}

function normalRows(mu: number, sd: number, horizon: number): SeriesDemand {
  const mean = new Array(horizon).fill(mu)
  const row = (m: number, s: number) => QUANTILE_LEVELS.map((p) => Math.max(0, m + s * normalQuantile(p)))
  return { mean, intermittent: false, quantiles: { levels: QUANTILE_LEVELS, daily: mean.map(() => row(mu, sd)), cumulative: mean.map((_, h) => row(mu * (h + 1), sd * Math.sqrt(h + 1))) } }
}

/**
 * CPU seconds (the process's user + system time) for all policies plus the top list, median of
 * `runs` after one warm-up run (a running server has its code compiled); wall seconds beside it.
 * CPU, not wall time: the machine is shared, and a busy neighbour stretches the wall clock more
 * than the work.
 */
export function engineSeconds(inputs: readonly PolicyInput[], runs = 3): { seconds: number; cpu: number[]; wall: number[]; policies: InventoryPolicy[] } {
  const cpu: number[] = []
  const wall: number[] = []
  let policies: InventoryPolicy[] = inputs.map(reorderPolicy)
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage()
    const t0 = performance.now()
    policies = inputs.map(reorderPolicy)
    topList(policies, 20)
    wall.push((performance.now() - t0) / 1000)
    const c = process.cpuUsage(c0)
    cpu.push((c.user + c.system) / 1e6)
  }
  const sorted = cpu.slice().sort((a, b) => a - b)
  return { seconds: sorted[Math.floor(sorted.length / 2)], cpu, wall, policies }
}
