import { randomExponential, randomLcg } from "d3-random"
import { DateTime } from "luxon"
import { DEMO_VARIANTS, type DemoVariant } from "./catalogue"
import { STORE_ZONE, expectedOrdersInHour } from "./demand-curve"
import { nextWorkingTime, seasonFactor } from "./store-calendar"

/**
 * The live traffic's decisions, without I/O: when the next shopper arrives, what they buy,
 * through which channel and region, and what happens to an order next (capture, fulfil,
 * ship, deliver, cancel, return) and when. The timings and shares follow the year of
 * history (`history-plan.ts`), so the wall's cycle times and mix carry on past "now".
 *
 * Every function takes its randomness from a `Random` (a seeded `randomLcg` in tests) and
 * works in simulated time: epoch milliseconds on the simulator's clock.
 */
export type Random = () => number

export const HOUR = 3_600_000
export const DAY = 24 * HOUR
const MINUTE = 60_000

export function seededRandom(seed = 20261127): Random {
  return randomLcg(seed)
}

/** Uniform in [low, high). */
export function between(random: Random, low: number, high: number): number {
  return low + (high - low) * random()
}

// ---------------------------------------------------------------------------------------
// The clock

/**
 * The simulator's clock: it starts at the real `startedAt` and runs `speed` times as fast.
 * Timestamps Medusa recorded before the start (the history, an earlier run) are read as
 * they are, so the clock joins the history without a jump.
 */
export type SimClock = { startedAt: number; speed: number }

export function simTime(clock: SimClock, realMs: number): number {
  return realMs <= clock.startedAt ? realMs : clock.startedAt + (realMs - clock.startedAt) * clock.speed
}

export function realTime(clock: SimClock, simMs: number): number {
  return simMs <= clock.startedAt ? simMs : clock.startedAt + (simMs - clock.startedAt) / clock.speed
}

// ---------------------------------------------------------------------------------------
// Arrivals

/** Orders expected in the simulated hour that starts at `hourStartMs` (the history's curve). */
export function demandRate(hourStartMs: number): number {
  const hour = DateTime.fromMillis(hourStartMs, { zone: STORE_ZONE })
  return expectedOrdersInHour(hour, hour)
}

/** A gap of a Poisson process with `ratePerHour` arrivals an hour, in milliseconds. */
export function arrivalGap(random: Random, ratePerHour: number): number {
  if (ratePerHour <= 0) return Infinity
  return randomExponential.source(random)(ratePerHour)() * HOUR
}

/**
 * The next arrival of a Poisson process whose rate changes every hour (piecewise constant,
 * as the curve is): a unit exponential draw is spent against the rate hour by hour, so a
 * quiet 4 a.m. does not push the next order past the morning rise. Exact for the curve,
 * whatever the speed. Null when nothing arrives within `horizonMs`.
 */
export function nextArrival(
  random: Random,
  fromMs: number,
  rate: (hourStartMs: number) => number = demandRate,
  horizonMs = 30 * DAY
): number | null {
  let budget = randomExponential.source(random)(1)()
  let t = fromMs
  while (t < fromMs + horizonMs) {
    const hourStart = DateTime.fromMillis(t, { zone: STORE_ZONE }).startOf("hour").toMillis()
    const hourEnd = hourStart + HOUR
    const perMs = Math.max(0, rate(hourStart)) / HOUR
    const hazard = perMs * (hourEnd - t)
    if (perMs > 0 && budget <= hazard) {
      return t + budget / perMs
    }
    budget -= hazard
    t = hourEnd
  }
  return null
}

// ---------------------------------------------------------------------------------------
// Baskets, channels, shoppers

export type BasketLine = { sku: string; quantity: number }
export type ChannelKey = "web" | "flagship"
export type RegionKey = "cn" | "hk"

/** Lines per basket: 1, 2, 3, 4 (as in the history). */
const BASKET_SIZES = [0.56, 0.27, 0.12, 0.05]
const FLAGSHIP_SHARE = 0.14
const HONG_KONG_SHARE = 0.1

export function pickWeighted<T>(random: Random, items: readonly T[], weight: (item: T) => number): T | undefined {
  const total = items.reduce((sum, item) => sum + Math.max(0, weight(item)), 0)
  if (!(total > 0)) return undefined
  let u = random() * total
  for (const item of items) {
    u -= Math.max(0, weight(item))
    if (u <= 0) return item
  }
  return items[items.length - 1]
}

/**
 * A shopper's basket at `atMs`: 1-4 distinct variants drawn by popularity (gift sets only
 * in the weeks before their festival), mostly one unit each. `unavailable` leaves out what
 * the store refused lately for want of stock. Empty when nothing can be sold.
 */
export function drawBasket(
  random: Random,
  atMs: number,
  unavailable: (sku: string) => boolean = () => false,
  variants: readonly DemoVariant[] = DEMO_VARIANTS
): BasketLine[] {
  const at = DateTime.fromMillis(atMs, { zone: STORE_ZONE })
  const seasons = new Map<DemoVariant["season"], number>()
  const season = (v: DemoVariant) => {
    if (!seasons.has(v.season)) seasons.set(v.season, seasonFactor(v, at))
    return seasons.get(v.season)!
  }
  const candidates = variants
    .filter((variant) => !unavailable(variant.sku))
    .map((variant) => ({ variant, weight: variant.weight * season(variant) }))
  const size = pickWeighted(random, [1, 2, 3, 4], (n) => BASKET_SIZES[n - 1])!
  const chosen = new Map<string, DemoVariant>()
  for (let i = 0; i < size * 3 && chosen.size < size; i++) {
    const picked = pickWeighted(random, candidates, (c) => c.weight)
    if (!picked) break
    chosen.set(picked.variant.sku, picked.variant)
  }
  return [...chosen.values()].map((variant) => ({ sku: variant.sku, quantity: drawQuantity(random, variant.maxQuantity) }))
}

/** Mostly 1; otherwise up to the variant's usual most. */
export function drawQuantity(random: Random, maxQuantity: number): number {
  if (maxQuantity <= 1 || random() < 0.8) return 1
  return 2 + Math.floor(random() * (maxQuantity - 1))
}

/**
 * Where the order comes from: the flagship counter is open 10:00-22:00 local time and
 * sells in yuan; the web shop sells to the mainland and, in one order of ten, Hong Kong.
 */
export function drawChannel(random: Random, atMs: number): { channel: ChannelKey; region: RegionKey } {
  const hour = DateTime.fromMillis(atMs, { zone: STORE_ZONE }).hour
  const channel: ChannelKey = hour >= 10 && hour < 22 && random() < FLAGSHIP_SHARE * 1.8 ? "flagship" : "web"
  const region: RegionKey = channel === "web" && random() < HONG_KONG_SHARE ? "hk" : "cn"
  return { channel, region }
}

/**
 * Who orders: one in eight is new to the store, the rest are known customers, a few loyal
 * ones much more often than the others (the history's skew).
 */
export function drawShopper(random: Random, known: readonly string[], serial: number): string {
  if (!known.length || random() < 0.125) {
    return `shopper.${serial}.${Math.floor(random() * 1e6)}@example.com`
  }
  return known[Math.floor(known.length * Math.pow(random(), 2.2))]
}

// ---------------------------------------------------------------------------------------
// Stock the store refused

/**
 * What the store API refused for want of stock. It says only "some variant", so a single-
 * line basket convicts its SKU, and a SKU in two refused baskets with no sale in between is
 * presumed out too. Either is left out of baskets for a simulated day, then tried again.
 */
export class RefusedStock {
  private until = new Map<string, number>()
  private suspects = new Map<string, number>()

  constructor(private restMs = DAY) {}

  isOut(sku: string, atMs: number): boolean {
    const until = this.until.get(sku)
    return until !== undefined && until > atMs
  }

  refused(skus: string[], atMs: number): string[] {
    const out: string[] = []
    for (const sku of skus) {
      const strikes = (this.suspects.get(sku) ?? 0) + (skus.length === 1 ? 2 : 1)
      if (strikes >= 2) {
        this.until.set(sku, atMs + this.restMs)
        this.suspects.delete(sku)
        out.push(sku)
      } else {
        this.suspects.set(sku, strikes)
      }
    }
    return out
  }

  sold(skus: string[]) {
    for (const sku of skus) {
      this.suspects.delete(sku)
      this.until.delete(sku)
    }
  }
}

// ---------------------------------------------------------------------------------------
// The order's lifecycle

export type TrackedLine = { id: string; quantity: number; fulfilled: number }
export type TrackedFulfilment = {
  id: string
  at: number
  shippedAt: number | null
  deliveredAt: number | null
  locationId?: string
  items: Array<{ id: string; quantity: number }>
}
export type TrackedOrder = {
  id: string
  placedAt: number
  channel: ChannelKey
  region: RegionKey
  captured: boolean
  canceled: boolean
  lines: TrackedLine[]
  fulfilments: TrackedFulfilment[]
  /** A return was taken (or decided against): the order has nothing more to come. */
  returnSettled: boolean
  /** The order's own draws, made once, so asking again gives the same plan. */
  draws: Record<string, number>
}

export type Step =
  | { kind: "capture"; at: number }
  | { kind: "cancel"; at: number }
  | { kind: "fulfil"; at: number; items: Array<{ id: string; quantity: number }> }
  | { kind: "ship"; at: number; fulfilmentId: string }
  | { kind: "deliver"; at: number; fulfilmentId: string }
  | { kind: "return"; at: number; fulfilmentId: string; items: Array<{ id: string; quantity: number }> }

export function trackOrder(
  order: Pick<TrackedOrder, "id" | "placedAt" | "channel" | "region"> & { lines: Array<{ id: string; quantity: number }> }
): TrackedOrder {
  return {
    ...order,
    captured: false,
    canceled: false,
    lines: order.lines.map((line) => ({ id: line.id, quantity: line.quantity, fulfilled: 0 })),
    fulfilments: [],
    returnSettled: false,
    draws: {},
  }
}

/**
 * What happens to the order next, and when; null when its lifecycle is over. The earliest
 * of what is pending wins (a second part can be picked while the first is on the road).
 * Draws are kept on the order, so calling again after a step keeps the rest of the plan.
 *
 * Web orders: payment captured 0.5-15 min after placement; picked in working hours 0.5-5 h
 * later (one in ten a day or two late), in two parts in 12% of multi-line orders (the
 * second 1-3 days on); shipped 0.5-5 h after picking; delivered 0.7-3 days later (Hong Kong
 * 1.5-4), 7% never marked; 2.5% canceled before picking; 4.5% of delivered orders send part
 * of a line back 1-10 days after delivery. Flagship: a counter sale, done in minutes.
 */
export function nextStep(order: TrackedOrder, random: Random): Step | null {
  if (order.canceled) return null
  const draw = (key: string, make: () => number) => (order.draws[key] ??= make())
  const remaining = order.lines
    .filter((line) => line.fulfilled < line.quantity)
    .map((line) => ({ id: line.id, quantity: line.quantity - line.fulfilled }))
  const steps: Step[] = []

  if (order.channel === "flagship") {
    if (!order.captured) steps.push({ kind: "capture", at: order.placedAt + 30_000 })
    const handover = order.placedAt + draw("handover", () => between(random, 1, 4) * MINUTE)
    if (remaining.length) steps.push({ kind: "fulfil", at: handover, items: remaining })
  } else {
    if (!order.captured) {
      steps.push({ kind: "capture", at: order.placedAt + draw("capture", () => between(random, 0.5, 15) * MINUTE) })
    }
    const firstPick = draw("firstPick", () => {
      const late = random() < 0.1 ? between(random, 1, 2.5) * DAY : 0
      return nextWorkingTime(order.placedAt + between(random, 0.5, 5) * HOUR) + late
    })
    if (!order.fulfilments.length) {
      if (draw("cancel", () => (random() < 0.025 ? 1 : 0))) {
        const share = draw("cancelShare", () => between(random, 0.1, 1))
        return earliest([...steps.filter((s) => s.kind === "capture"), { kind: "cancel", at: order.placedAt + share * (firstPick - order.placedAt) }])
      }
      const split = draw("split", () => (order.lines.length > 1 && random() < 0.12 ? 1 : 0))
      const half = Math.ceil(order.lines.length / 2)
      const part = split ? remaining.filter((item) => order.lines.findIndex((l) => l.id === item.id) < half) : remaining
      steps.push({ kind: "fulfil", at: firstPick, items: part.length ? part : remaining })
    } else if (remaining.length) {
      const lastPick = Math.max(...order.fulfilments.map((f) => f.at))
      const secondPick = draw("secondPick", () => nextWorkingTime(lastPick + between(random, 1, 3) * DAY))
      steps.push({ kind: "fulfil", at: secondPick, items: remaining })
    }
  }

  for (const f of order.fulfilments) {
    if (f.shippedAt === null) {
      const delay = order.channel === "flagship" ? 0 : draw(`ship:${f.id}`, () => between(random, 0.5, 5) * HOUR)
      steps.push({ kind: "ship", at: f.at + delay, fulfilmentId: f.id })
    } else if (f.deliveredAt === null) {
      if (order.channel === "flagship") {
        steps.push({ kind: "deliver", at: f.shippedAt, fulfilmentId: f.id })
      } else if (draw(`marked:${f.id}`, () => (random() < 0.93 ? 1 : 0))) {
        const days = draw(`deliver:${f.id}`, () => (order.region === "hk" ? between(random, 1.5, 4) : between(random, 0.7, 3)))
        steps.push({ kind: "deliver", at: f.shippedAt + days * DAY, fulfilmentId: f.id })
      }
    }
  }
  if (steps.length) return earliest(steps)

  // Everything that will be delivered is: now and then, part of a line comes back.
  const delivered = order.fulfilments.filter((f) => f.deliveredAt !== null)
  if (order.channel === "flagship" || order.returnSettled || !delivered.length || remaining.length) return null
  if (!draw("return", () => (random() < 0.045 ? 1 : 0))) return null
  const from = delivered[Math.floor(draw("returnFrom", random) * delivered.length)]
  const entry = from.items[Math.floor(draw("returnLine", random) * from.items.length)]
  const quantity = entry.quantity > 1 ? 1 + Math.floor(draw("returnQuantity", random) * (entry.quantity - 1)) : 1
  const at = from.deliveredAt! + draw("returnAfter", () => between(random, 1, 10)) * DAY
  return { kind: "return", at, fulfilmentId: from.id, items: [{ id: entry.id, quantity }] }
}

function earliest(steps: Step[]): Step {
  return steps.reduce((first, step) => (step.at < first.at ? step : first))
}

/** Applies a step that went through to the tracked order (what Medusa now records). */
export function applyStep(
  order: TrackedOrder,
  step: Step,
  atMs: number,
  created: Array<{ id: string; locationId?: string; items: Array<{ id: string; quantity: number }> }> = []
): void {
  switch (step.kind) {
    case "capture":
      order.captured = true
      break
    case "cancel":
      order.canceled = true
      break
    case "fulfil":
      for (const item of step.items) {
        const line = order.lines.find((l) => l.id === item.id)
        if (line) line.fulfilled += item.quantity
      }
      // One fulfilment per warehouse that holds the items.
      for (const f of created) {
        order.fulfilments.push({ id: f.id, at: atMs, shippedAt: null, deliveredAt: null, locationId: f.locationId, items: f.items })
      }
      break
    case "ship": {
      const f = order.fulfilments.find((x) => x.id === step.fulfilmentId)
      if (f) f.shippedAt = atMs
      break
    }
    case "deliver": {
      const f = order.fulfilments.find((x) => x.id === step.fulfilmentId)
      if (f) f.deliveredAt = atMs
      break
    }
    case "return":
      order.returnSettled = true
      break
  }
}

/** Splits a fulfilment's items by the warehouse that holds their reservation. */
export function groupByLocation(
  items: Array<{ id: string; quantity: number }>,
  locationOf: (lineId: string) => string | undefined
): Array<{ locationId: string | undefined; items: Array<{ id: string; quantity: number }> }> {
  const groups = new Map<string | undefined, Array<{ id: string; quantity: number }>>()
  for (const item of items) {
    const location = locationOf(item.id)
    groups.set(location, [...(groups.get(location) ?? []), item])
  }
  return [...groups].map(([locationId, grouped]) => ({ locationId, items: grouped }))
}
