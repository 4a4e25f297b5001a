/**
 * The plugin's own policy as a planner for the simulation: the plugin's forecaster refitted as the
 * plugin does it, its forecast turned into the quantile grid, and the (R, s, S) engine on top.
 * - daily data (pizza): the model chosen again every 7th day, the chosen model refitted every
 *   other night (fitVariant, as the nightly job does), season 7;
 * - monthly data (carparts): chosen again at every monthly step (a month holds several weekly
 *   selections), season 1, as bench:forecast runs carparts.
 * Policies whose sales histories are still the same (no stock-out has told them apart) share
 * their fits: a fit depends only on the history.
 */
import { fitVariant, type FittedForecast } from "../../../plugin/src/lib/demand-forecast"
import { forecastSeries, toVariantState, type StockFlag } from "../../../plugin/src/lib/forecast"
import { demandFromForecastState, reorderPolicy, type PolicySettings, type SeriesDemand } from "../../../plugin/src/lib/inventory"
import type { Plan, Planner } from "./simulate"

/** Fits shared between an item's policies, keyed by the period and a hash of the history seen. */
export class FitCache<T> {
  private fits = new Map<string, T>()
  hits = 0
  misses = 0
  get(key: string, make: () => T): T {
    let v = this.fits.get(key)
    if (v === undefined) {
      this.misses++
      this.fits.set(key, (v = make()))
    } else this.hits++
    return v
  }
}

export function historyKey(t: number, sales: readonly number[], inStock: readonly StockFlag[], from: number): string {
  let h = 2166136261
  for (let k = from; k < t; k++) {
    h = Math.imul(h ^ sales[k], 16777619)
    h = Math.imul(h ^ (inStock[k] === false ? 1 : inStock[k] === true ? 2 : 3), 16777619)
  }
  return `${t}:${h >>> 0}`
}

export type PolicyLog = { intermittent: boolean | null }

function plan(demand: SeriesDemand, settings: PolicySettings): Plan {
  const p = reorderPolicy({ inventory_item_id: "item", location_id: "loc", demand, settings, stock: null, sellingPrice: null, firstDate: "2015-01-01" })
  return { s: p.reorderPoint, S: p.orderUpTo, predictedCsl: p.predictedCycleServiceLevel, predictedFill: p.predictedFillRate }
}

export function dailyPlanner(id: string, start: number, horizon: number, settings: PolicySettings, cache: FitCache<{ fit: FittedForecast; demand: SeriesDemand }>, log: PolicyLog): Planner {
  let last: { fit: FittedForecast; demand: SeriesDemand } | null = null
  return (t, sales, inStock) => {
    const previous = last
    const select = !previous || (t - start) % 7 === 0
    last = cache.get(`${select ? "s" : "r"}${historyKey(t, sales, inStock, start)}:${previous ? previous.fit.model + previous.fit.state.profile.samples : ""}`, () => {
      const series = { variant_id: id, location_id: "loc", firstDate: "2015-01-01", lastDate: "2015-01-01", values: sales.slice(0, t), inStock: inStock.slice(0, t) }
      const fit = fitVariant(
        select ? { kind: "select", series, horizon } : { kind: "refit", series, horizon, previous: { model: previous!.fit.model, members: previous!.fit.members, state: previous!.fit.state } }
      )
      return { fit, demand: demandFromForecastState(fit.state, horizon) }
    })
    log.intermittent ??= last.fit.intermittent
    return plan(last.demand, settings)
  }
}

export function monthlyPlanner(start: number, horizon: number, settings: PolicySettings, cache: FitCache<SeriesDemand & { intermittentModel: boolean }>, log: PolicyLog): Planner {
  return (t, sales, inStock) => {
    const demand = cache.get(historyKey(t, sales, inStock, start), () => {
      const f = forecastSeries(sales.slice(0, t), { horizon, season: 1, inStock: inStock.slice(0, t) })
      return { ...demandFromForecastState(toVariantState(f), horizon), intermittentModel: f.intermittent }
    })
    log.intermittent ??= demand.intermittentModel
    return plan(demand, settings)
  }
}
