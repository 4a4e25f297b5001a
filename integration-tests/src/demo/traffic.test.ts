import { DateTime } from "luxon"
import { describe, expect, it } from "vitest"
import { DEMO_VARIANTS } from "./catalogue"
import { STORE_ZONE } from "./demand-curve"
import {
  DAY,
  HOUR,
  RefusedStock,
  applyStep,
  arrivalGap,
  drawBasket,
  drawChannel,
  nextArrival,
  nextStep,
  realTime,
  seededRandom,
  simTime,
  trackOrder,
  type Step,
  type TrackedOrder,
} from "./traffic"
import { nextWorkingTime } from "./store-calendar"

const at = (iso: string) => DateTime.fromISO(iso, { zone: STORE_ZONE }).toMillis()
const hourOf = (ms: number) => DateTime.fromMillis(ms, { zone: STORE_ZONE }).hour

/** Runs an order's lifecycle to the end, as the simulator does, step by step. */
function live(order: TrackedOrder, seed: number): Step[] {
  const random = seededRandom(seed)
  const steps: Step[] = []
  let fulfilments = 0
  for (let step = nextStep(order, random); step; step = nextStep(order, random)) {
    steps.push(step)
    const created = step.kind === "fulfil" ? [{ id: `ful_${++fulfilments}`, items: step.items }] : []
    applyStep(order, step, step.at, created)
    if (steps.length > 50) throw new Error("lifecycle does not end")
  }
  return steps
}

const webOrder = (lines = [{ id: "l1", quantity: 1 }], region: "cn" | "hk" = "cn") =>
  trackOrder({ id: "order_1", placedAt: at("2026-03-10T12:30"), channel: "web", region, lines })

describe("the simulator's clock", () => {
  it("runs speed times as fast from its start and reads earlier timestamps as they are", () => {
    const clock = { startedAt: at("2026-03-10T12:00"), speed: 20 }
    expect(simTime(clock, clock.startedAt + 3 * 60_000)).toBe(clock.startedAt + HOUR)
    expect(simTime(clock, clock.startedAt - HOUR)).toBe(clock.startedAt - HOUR)
    expect(realTime(clock, simTime(clock, clock.startedAt + 12_345))).toBeCloseTo(clock.startedAt + 12_345)
  })
})

describe("arrivals", () => {
  it("are exponential gaps with the rate's mean", () => {
    const random = seededRandom(1)
    const gaps = Array.from({ length: 20_000 }, () => arrivalGap(random, 6))
    const mean = gaps.reduce((s, g) => s + g, 0) / gaps.length
    expect(mean / (HOUR / 6)).toBeCloseTo(1, 1)
    expect(arrivalGap(random, 0)).toBe(Infinity)
  })

  it("follow the curve's hours: counts per hour match the rate, none in an hour of rate 0", () => {
    const random = seededRandom(2)
    const rate = (hourStart: number) => (hourOf(hourStart) === 3 ? 0 : hourOf(hourStart) === 20 ? 30 : 3)
    const counts = new Array(24).fill(0)
    const from = at("2026-03-02T00:00")
    const days = 60
    for (let t = nextArrival(random, from, rate); t !== null && t < from + days * DAY; t = nextArrival(random, t, rate)) {
      counts[hourOf(t)]++
    }
    expect(counts[3]).toBe(0)
    expect(counts[20] / days).toBeGreaterThan(27)
    expect(counts[20] / days).toBeLessThan(33)
    expect(counts[10] / days).toBeGreaterThan(2.4)
    expect(counts[10] / days).toBeLessThan(3.6)
  })

  it("read the demand curve: busier at 21:00 than at 04:00, and deterministic for a seed", () => {
    const count = (fromIso: string, seed: number) => {
      const random = seededRandom(seed)
      const from = at(fromIso)
      let n = 0
      for (let t = nextArrival(random, from); t !== null && t < from + HOUR; t = nextArrival(random, t)) n++
      return n
    }
    let evening = 0
    let night = 0
    for (let seed = 1; seed <= 30; seed++) {
      evening += count("2026-03-10T21:00", seed)
      night += count("2026-03-10T04:00", seed)
    }
    expect(evening).toBeGreaterThan(5 * night)
    expect(count("2026-03-10T21:00", 9)).toBe(count("2026-03-10T21:00", 9))
  })
})

describe("baskets", () => {
  it("hold 1-4 distinct catalogue variants, mostly one unit, within each variant's usual most", () => {
    const random = seededRandom(3)
    const sizes = [0, 0, 0, 0, 0]
    let ones = 0
    let lines = 0
    for (let i = 0; i < 1_500; i++) {
      const basket = drawBasket(random, at("2026-03-10T12:00"))
      sizes[basket.length]++
      expect(new Set(basket.map((l) => l.sku)).size).toBe(basket.length)
      for (const line of basket) {
        const variant = DEMO_VARIANTS.find((v) => v.sku === line.sku)!
        expect(line.quantity).toBeGreaterThanOrEqual(1)
        expect(line.quantity).toBeLessThanOrEqual(variant.maxQuantity)
        ones += line.quantity === 1 ? 1 : 0
        lines++
      }
    }
    expect(sizes[0]).toBe(0)
    expect(sizes[1]).toBeGreaterThan(sizes[2])
    expect(sizes[4]).toBeGreaterThan(0)
    expect(ones / lines).toBeGreaterThan(0.8)
  })

  it("sell gift sets only near their festival", () => {
    const gifts = (iso: string) => {
      const random = seededRandom(4)
      let n = 0
      for (let i = 0; i < 1_000; i++) {
        n += drawBasket(random, at(iso)).filter((l) => DEMO_VARIANTS.find((v) => v.sku === l.sku)?.season === "christmas").length
      }
      return n
    }
    expect(gifts("2026-12-15T12:00")).toBeGreaterThan(25)
    expect(gifts("2026-07-15T12:00")).toBeLessThan(5)
  })

  it("leave out what the store refused, and are empty when nothing is left", () => {
    const random = seededRandom(5)
    const top = [...DEMO_VARIANTS].sort((a, b) => b.weight - a.weight)[0].sku
    for (let i = 0; i < 500; i++) {
      expect(drawBasket(random, at("2026-03-10T12:00"), (sku) => sku === top).map((l) => l.sku)).not.toContain(top)
    }
    expect(drawBasket(random, at("2026-03-10T12:00"), () => true)).toEqual([])
  })

  it("remember refused stock: a lone line at once, a shared one on its second refusal, a sale clears it", () => {
    const memory = new RefusedStock(DAY)
    const t = at("2026-03-10T12:00")
    expect(memory.refused(["A"], t)).toEqual(["A"])
    expect(memory.isOut("A", t + HOUR)).toBe(true)
    expect(memory.isOut("A", t + DAY + 1)).toBe(false)
    expect(memory.refused(["B", "C"], t)).toEqual([])
    expect(memory.refused(["B", "D"], t)).toEqual(["B"])
    memory.sold(["C"])
    expect(memory.refused(["C", "E"], t)).toEqual([])
  })
})

describe("channels", () => {
  it("send the flagship counter's sales only in opening hours, in yuan; Hong Kong only on the web", () => {
    const random = seededRandom(6)
    const night = Array.from({ length: 1_000 }, () => drawChannel(random, at("2026-03-10T03:00")))
    expect(night.every((c) => c.channel === "web")).toBe(true)
    const noon = Array.from({ length: 5_000 }, () => drawChannel(random, at("2026-03-10T12:00")))
    const flagship = noon.filter((c) => c.channel === "flagship")
    expect(flagship.length / noon.length).toBeGreaterThan(0.2)
    expect(flagship.length / noon.length).toBeLessThan(0.3)
    expect(flagship.every((c) => c.region === "cn")).toBe(true)
    const hk = noon.filter((c) => c.region === "hk").length / (noon.length - flagship.length)
    expect(hk).toBeGreaterThan(0.07)
    expect(hk).toBeLessThan(0.13)
  })
})

describe("an order's lifecycle", () => {
  it("goes capture, fulfil (in working hours), ship, deliver, in order, with the history's delays", () => {
    let checked = 0
    for (let seed = 1; checked < 100; seed++) {
      const order = webOrder()
      const steps = live(order, seed)
      if (order.draws.cancel || !order.draws["marked:ful_1"]) {
        if (!order.draws.cancel) expect(steps.map((s) => s.kind).slice(0, 3)).toEqual(["capture", "fulfil", "ship"])
        continue
      }
      checked++
      const kinds = steps.map((s) => s.kind)
      expect(kinds.slice(0, 4)).toEqual(["capture", "fulfil", "ship", "deliver"])
      if (kinds.length > 4) expect(kinds.slice(4)).toEqual(["return"])
      const [capture, fulfil, ship, deliver] = steps
      expect(capture.at - order.placedAt).toBeGreaterThanOrEqual(30_000)
      expect(capture.at - order.placedAt).toBeLessThanOrEqual(15 * 60_000)
      const local = DateTime.fromMillis(fulfil.at, { zone: STORE_ZONE })
      expect(local.hour >= 9 && local.hour < 21 || fulfil.at - order.placedAt > DAY).toBe(true)
      expect(ship.at - fulfil.at).toBeGreaterThanOrEqual(0.5 * HOUR)
      expect(ship.at - fulfil.at).toBeLessThanOrEqual(5 * HOUR)
      expect(deliver.at - ship.at).toBeGreaterThanOrEqual(0.7 * DAY)
      expect(deliver.at - ship.at).toBeLessThanOrEqual(3 * DAY)
    }
  })

  it("cancels about 2.5% of web orders, never after a fulfilment, before the planned pick", () => {
    let canceled = 0
    const n = 4_000
    for (let seed = 1; seed <= n; seed++) {
      const order = webOrder()
      const steps = live(order, seed)
      const cancel = steps.find((s) => s.kind === "cancel")
      if (!cancel) continue
      canceled++
      expect(steps.some((s) => s.kind === "fulfil")).toBe(false)
      expect(cancel.at).toBeLessThanOrEqual(order.draws.firstPick)
      expect(steps[steps.length - 1]).toBe(cancel)
    }
    expect(canceled / n).toBeGreaterThan(0.015)
    expect(canceled / n).toBeLessThan(0.035)
  })

  it("returns part of a line from about 4.5% of delivered orders, days after delivery", () => {
    let delivered = 0
    let returned = 0
    for (let seed = 1; seed <= 4_000; seed++) {
      const order = webOrder([
        { id: "l1", quantity: 3 },
        { id: "l2", quantity: 1 },
      ])
      const steps = live(order, seed)
      if (!steps.some((s) => s.kind === "deliver")) continue
      delivered++
      const ret = steps.find((s) => s.kind === "return")
      if (!ret || ret.kind !== "return") continue
      returned++
      const f = order.fulfilments.find((x) => x.id === ret.fulfilmentId)!
      expect(ret.at - f.deliveredAt!).toBeGreaterThanOrEqual(DAY)
      expect(ret.items).toHaveLength(1)
      const line = order.lines.find((l) => l.id === ret.items[0].id)!
      expect(ret.items[0].quantity).toBeLessThanOrEqual(Math.max(1, line.quantity - 1))
    }
    expect(returned / delivered).toBeGreaterThan(0.03)
    expect(returned / delivered).toBeLessThan(0.06)
  })

  it("fulfils some multi-line orders in two parts, the second a day or more after the first", () => {
    let split = 0
    for (let seed = 1; seed <= 1_000; seed++) {
      const order = webOrder([
        { id: "l1", quantity: 1 },
        { id: "l2", quantity: 2 },
        { id: "l3", quantity: 1 },
      ])
      const fulfils = live(order, seed).filter((s) => s.kind === "fulfil")
      if (fulfils.length === 2) {
        split++
        const [first, second] = fulfils as Array<Extract<Step, { kind: "fulfil" }>>
        expect(first.items.map((i) => i.id)).toEqual(["l1", "l2"])
        expect(second.items).toEqual([{ id: "l3", quantity: 1 }])
        expect(second.at - first.at).toBeGreaterThanOrEqual(DAY - HOUR)
      }
      if (!order.canceled) expect(order.lines.every((l) => l.fulfilled === l.quantity)).toBe(true)
    }
    expect(split / 1_000).toBeGreaterThan(0.07)
    expect(split / 1_000).toBeLessThan(0.17)
  })

  it("makes a flagship sale a counter sale: captured, handed over and delivered within minutes", () => {
    const order = trackOrder({ id: "order_2", placedAt: at("2026-03-10T15:00"), channel: "flagship", region: "cn", lines: [{ id: "l1", quantity: 2 }] })
    const steps = live(order, 11)
    expect(steps.map((s) => s.kind)).toEqual(["capture", "fulfil", "ship", "deliver"])
    expect(steps[3].at - order.placedAt).toBeLessThanOrEqual(4 * 60_000)
  })

  it("continues an order picked up half-way: only what is left, and the same plan when asked again", () => {
    const order = webOrder([
      { id: "l1", quantity: 1 },
      { id: "l2", quantity: 1 },
    ])
    order.captured = true
    order.lines[0].fulfilled = 1
    order.fulfilments.push({ id: "ful_a", at: order.placedAt + 2 * HOUR, shippedAt: order.placedAt + 3 * HOUR, deliveredAt: null, items: [{ id: "l1", quantity: 1 }] })
    const random = seededRandom(12)
    const first = nextStep(order, random)
    expect(nextStep(order, random)).toEqual(first)
    const kinds = live(order, 12).map((s) => s.kind)
    expect(kinds).not.toContain("capture")
    expect(kinds).toContain("fulfil")
    expect(order.lines.every((l) => l.fulfilled === l.quantity)).toBe(true)
  })

  it("picks a night order in the morning", () => {
    expect(hourOf(nextWorkingTime(at("2026-03-10T02:20")))).toBe(9)
    expect(hourOf(nextWorkingTime(at("2026-03-10T22:10")))).toBe(9)
    expect(nextWorkingTime(at("2026-03-10T14:00"))).toBe(at("2026-03-10T14:00"))
  })
})
