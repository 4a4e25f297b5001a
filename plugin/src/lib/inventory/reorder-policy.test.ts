import { describe, expect, it } from "vitest"
import { normalCdf, normalLoss, normalQuantile } from "./normal"
import { reorderPolicy, protectionDemand, type PolicySettings } from "./reorder-policy"
import { cycleServiceLevel, fillRate } from "./service-level"
import { countDemand, normalDemand } from "./test-demand"
import type { SeriesDemand } from "./demand-quantiles"

const base: PolicySettings = {
  leadTimeDays: 5,
  leadTimeSdDays: 0,
  target: { kind: "cycle_service_level", level: 0.95 },
  rounding: "at_least",
  reviewPeriodDays: 0,
  minimumOrderQuantity: 1,
  packSize: 1,
  unitCost: 2,
  overstockMarginDays: 30,
}

const policy = (demand: SeriesDemand, settings: Partial<PolicySettings> = {}, stock = { onHand: 0, reserved: 0, onOrder: 0 }) =>
  reorderPolicy({ inventory_item_id: "item", location_id: "loc", demand, settings: { ...base, ...settings }, stock, sellingPrice: 10, firstDate: "2026-03-02" })

describe("normal demand", () => {
  it("puts s where the textbook does: d L + z sigma sqrt(L)", () => {
    // 100 a day, sd 20 a day, L = 5: mean 500, sd 44.72; z(0.95) = 1.6449 -> 573.6, so s = 574
    const p = policy(normalDemand(100, 20))
    expect(p.reorderPoint).toBe(574)
    expect(p.safetyStock).toBeCloseTo(74, 0)
    // whole units: P(D <= 574) = Phi((574.5 - 500) / 44.72) = 0.9521
    expect(p.predictedCycleServiceLevel).toBeCloseTo(normalCdf(74.5 / (20 * Math.sqrt(5))), 2)
    expect(p.predictedCycleServiceLevel).toBeGreaterThanOrEqual(0.95)
  })

  it("meets a fill rate through the loss function: E[(D - s)+] = sigma G(k) = (1 - beta) Q", () => {
    // Q = 1000 (MOQ), beta = 0.99: G(k) = 10 / 44.72 = 0.2236 -> k = 0.420 (phi(0.42) - 0.42 (1 - Phi(0.42)) = 0.36526 - 0.14164), s = 518.8
    const sigma = 20 * Math.sqrt(5)
    let lo = -3
    let hi = 3
    for (let i = 0; i < 60; i++) {
      const mid = (lo + hi) / 2
      if (normalLoss(mid) > 10 / sigma) lo = mid
      else hi = mid
    }
    expect(lo).toBeCloseTo(0.42, 2)
    const p = policy(normalDemand(100, 20), { target: { kind: "fill_rate", level: 0.99 }, minimumOrderQuantity: 1000 })
    expect(Math.abs(p.reorderPoint - (500 + lo * sigma))).toBeLessThanOrEqual(2)
    expect(p.predictedFillRate).toBeGreaterThanOrEqual(0.99)
    expect(p.orderUpTo - p.reorderPoint).toBe(1000)
  })

  it("knows the loss function's table values", () => {
    expect(normalLoss(0)).toBeCloseTo(0.3989, 4)
    expect(normalLoss(1)).toBeCloseTo(0.0833, 4)
    expect(normalLoss(2)).toBeCloseTo(0.0085, 4)
  })

  it("widens with the lead time's spread like sqrt(L sigma_d^2 + d^2 sigma_L^2)", () => {
    // d = 100, sigma_d = 30, L ~ N(10, 2): sd = sqrt(10 * 900 + 10000 * 4) = 221.4; s(0.95) ~ 1000 + 1.645 * 221.4 = 1364
    const p = policy(normalDemand(100, 30, 40), { leadTimeDays: 10, leadTimeSdDays: 2 })
    const textbook = 1000 + normalQuantile(0.95) * Math.sqrt(10 * 900 + 10000 * 4)
    expect(Math.abs(p.reorderPoint - textbook) / textbook).toBeLessThan(0.015)
    expect(p.reorderPoint).toBeGreaterThan(policy(normalDemand(100, 30, 40), { leadTimeDays: 10 }).reorderPoint + 150)
  })

  it("turns a spread-only lead time into the lead time's own quantile", () => {
    // 10 units every day, no demand noise; L ~ N(5, 0.5) in whole days: P(L <= 5) = Phi(1) = 0.841, P(L <= 6) = Phi(3) = 0.99865
    const p = policy(normalDemand(10, 0), { leadTimeDays: 5, leadTimeSdDays: 0.5, target: { kind: "cycle_service_level", level: 0.9 } })
    expect(p.reorderPoint).toBe(60)
    expect(p.predictedCycleServiceLevel).toBeCloseTo(normalCdf(3), 3)
  })
})

describe("intermittent demand", () => {
  it("uses a Poisson when the quantiles are a Poisson's", () => {
    // 0.4 a day over 5 days: Poisson(2); P(D <= 4) = 0.9473, P(D <= 5) = 0.9834
    const p = policy(countDemand(0.4, Infinity))
    expect(p.distribution).toBe("poisson")
    expect(p.reorderPoint).toBe(5)
    expect(p.predictedCycleServiceLevel).toBeCloseTo(0.9834, 3)
  })

  it("uses a negative binomial when they are over-dispersed", () => {
    // total over 5 days NB(mean 2, size 1) = geometric: P(D <= k) = 1 - (2/3)^(k + 1); 0.95 -> k = 7 (0.9610)
    const p = policy(countDemand(0.4, 0.2))
    expect(p.distribution).toBe("negative-binomial")
    expect(p.reorderPoint).toBe(7)
    expect(p.predictedCycleServiceLevel).toBeCloseTo(1 - (2 / 3) ** 8, 3)
  })
})

describe("no demand", () => {
  it("keeps no stock for an item with no demand forecast, smooth or intermittent, and calls what it holds overstock", () => {
    for (const intermittent of [false, true]) {
      const zero = normalDemand(0, 0)
      const p = policy({ ...zero, intermittent }, { reviewPeriodDays: 7 }, { onHand: 3, reserved: 0, onOrder: 0 })
      expect(p.reorderPoint).toBe(0)
      expect(p.predictedCycleServiceLevel).toBe(1)
      expect(p.suggestedOrder).toBe(0)
      expect(p.daysOfCover).toBeNull()
      expect(p.overstock.units).toBe(2)
    }
  })
})

describe("the (R, s, S) rule", () => {
  it("adds the review's undershoot: s covers lead-time demand plus how far below s the review finds the position", () => {
    const withReview = protectionDemand(countDemand(0.4, Infinity), { ...base, reviewPeriodDays: 7 })
    // undershoot of one week's Poisson(2.8) demand with Q = 3: positive, below a week's mean
    const u = withReview.undershoot
    const meanU = Array.from(u.pmf).reduce((s, p, i) => s + p * (u.lo + i) * u.step, 0)
    expect(meanU).toBeGreaterThan(0.3)
    expect(meanU).toBeLessThan(2.8)
    expect(policy(countDemand(0.4, Infinity), { reviewPeriodDays: 7 }).reorderPoint).toBeGreaterThan(5)
  })

  it("orders up to S, rounded to MOQ and packs, only at or below s", () => {
    const demand = normalDemand(10, 3)
    const p = policy(demand, { reviewPeriodDays: 7, minimumOrderQuantity: 50, packSize: 12 }, { onHand: 30, reserved: 5, onOrder: 10 })
    expect(p.position).toBe(35)
    expect(p.belowReorderPoint).toBe(true)
    expect(p.suggestedOrder % 12).toBe(0)
    expect(p.suggestedOrder).toBeGreaterThanOrEqual(Math.max(50, p.orderUpTo - 35))
    expect(p.suggestedOrder - (p.orderUpTo - 35)).toBeLessThan(Math.max(12, 50 - (p.orderUpTo - 35) + 12))
    const above = policy(demand, { reviewPeriodDays: 7 }, { onHand: p.reorderPoint + 1, reserved: 0, onOrder: 0 })
    expect(above.suggestedOrder).toBe(0)
    const at = policy(demand, { reviewPeriodDays: 7 }, { onHand: above.reorderPoint, reserved: 0, onOrder: 0 })
    expect(at.suggestedOrder).toBe(at.orderUpTo - at.reorderPoint)
  })

  it("reports cover, the stock-out date and the revenue at risk before an order could arrive", () => {
    const p = policy(normalDemand(10, 3), {}, { onHand: 25, reserved: 0, onOrder: 0 })
    expect(p.daysOfCover).toBeCloseTo(2.5, 6)
    expect(p.stockOutDate).toBe("2026-03-04")
    expect(p.stockOutWithinLeadTime).toBe(true)
    // 5 days of demand (~50) against 25 units: about 25 units short, at 10 each
    expect(p.unitsAtRisk).toBeGreaterThan(23)
    expect(p.unitsAtRisk).toBeLessThan(27)
    expect(p.revenueAtRisk).toBeCloseTo(p.unitsAtRisk * 10, 6)
  })

  it("values overstock at unit cost, or at selling price labelled so", () => {
    const p = policy(normalDemand(1, 0.5), { reviewPeriodDays: 7, overstockMarginDays: 30 }, { onHand: 200, reserved: 0, onOrder: 0 })
    // cover limit 7 + 5 + 30 = 42 days = 42 units wanted
    expect(p.overstock.units).toBe(158)
    expect(p.overstock.value).toBe(316)
    expect(p.overstock.valueBasis).toBe("unit_cost")
    const noCost = policy(normalDemand(1, 0.5), { reviewPeriodDays: 7, unitCost: null }, { onHand: 200, reserved: 0, onOrder: 0 })
    expect(noCost.overstock.valueBasis).toBe("selling_price")
    expect(noCost.overstock.value).toBe(1580)
  })

  it("says nothing about stock it does not know", () => {
    const p = reorderPolicy({ inventory_item_id: "i", location_id: "l", demand: normalDemand(10, 3), settings: base, stock: null, sellingPrice: null, firstDate: "2026-03-02" })
    expect(p.position).toBeNull()
    expect(p.suggestedOrder).toBe(0)
    expect(p.daysOfCover).toBeNull()
    expect(p.revenueAtRisk).toBeNull()
  })
})

describe("properties", () => {
  // a small seeded generator: the same cases on every run
  let seed = 12345
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648)

  it("s never falls as the service level rises, and each s predicts at least its target", () => {
    for (let c = 0; c < 40; c++) {
      const intermittent = rand() < 0.5
      const demand = intermittent ? countDemand(0.05 + rand() * 0.8, rand() < 0.5 ? Infinity : 0.05 + rand()) : normalDemand(1 + rand() * 60, 0.5 + rand() * 15)
      const settings = { leadTimeDays: 1 + Math.floor(rand() * 14), leadTimeSdDays: rand() < 0.5 ? 0 : rand() * 3, reviewPeriodDays: Math.floor(rand() * 8) }
      let last = -1
      for (const level of [0.6, 0.8, 0.9, 0.95, 0.98, 0.99, 0.995]) {
        const p = policy(demand, { ...settings, target: { kind: "cycle_service_level", level } })
        expect(p.reorderPoint).toBeGreaterThanOrEqual(last)
        expect(p.predictedCycleServiceLevel).toBeGreaterThanOrEqual(level - 1e-9)
        last = p.reorderPoint
      }
    }
  })

  it("nearest rounding takes the whole unit closest to the target, never more than one unit from at-least", () => {
    for (let c = 0; c < 30; c++) {
      const demand = countDemand(0.05 + rand() * 0.5, Infinity)
      const target = { kind: "cycle_service_level" as const, level: 0.9 }
      const least = policy(demand, { target })
      const nearest = policy(demand, { target, rounding: "nearest" })
      expect(least.reorderPoint - nearest.reorderPoint).toBeGreaterThanOrEqual(0)
      expect(least.reorderPoint - nearest.reorderPoint).toBeLessThanOrEqual(1)
      expect(Math.abs(nearest.predictedCycleServiceLevel - 0.9)).toBeLessThanOrEqual(Math.abs(least.predictedCycleServiceLevel - 0.9) + 1e-12)
    }
  })

  it("the fill rate and cycle service level of s rise with s", () => {
    const p = protectionDemand(normalDemand(20, 8), { ...base, reviewPeriodDays: 3 })
    let csl = -1
    let fr = -1
    for (let s = 0; s < 250; s += 5) {
      const c = cycleServiceLevel(p.total, s)
      const f = fillRate(p.total, s, p.perCycle)
      expect(c).toBeGreaterThanOrEqual(csl)
      expect(f).toBeGreaterThanOrEqual(fr)
      csl = c
      fr = f
    }
    expect(csl).toBeGreaterThan(0.999)
  })
})
