import { randomExponential, randomLcg, randomPoisson } from "d3-random"
import { DateTime } from "luxon"
import { DEMO_VARIANTS, hkdPrice, type DemoVariant } from "./catalogue"
import { STORE_ZONE, expectedOrdersOnDay, hourShare } from "./demand-curve"
import { nextWorkingTime, seasonFactor } from "./store-calendar"

/**
 * A year of the demo store's orders, planned in memory before anything is written: who
 * bought what, when, from which warehouse, and how each order went on (captured, fulfilled
 * in one or two parts, shipped, delivered, sometimes canceled or partly returned). Stock is
 * simulated alongside: every warehouse reorders weekly with a lead time, suppliers are
 * sometimes late, and a line whose variant is out of stock everywhere is not sold. Nothing
 * after `now` happens: the newest orders are still open, as in a real store.
 *
 * Pure and deterministic for a seed and a `now`: the writer turns the plan into Medusa
 * records, and a test can check the plan's shape without a database.
 */
export type Warehouse = "shanghai" | "shenzhen"
export type Channel = "web" | "flagship"
export type RegionKey = "cn" | "hk"

export type PlannedLine = { sku: string; quantity: number; unitPrice: number; warehouse: Warehouse }
export type PlannedFulfilment = {
  warehouse: Warehouse
  at: Date
  shippedAt: Date | null
  deliveredAt: Date | null
  lines: Array<{ line: number; quantity: number }>
}
export type PlannedReturn = {
  warehouse: Warehouse
  requestedAt: Date
  receivedAt: Date | null
  lines: Array<{ line: number; quantity: number }>
}
export type PlannedOrder = {
  key: number
  placedAt: Date
  /** The last moment anything happened to it (Medusa's `updated_at`). */
  updatedAt: Date
  channel: Channel
  region: RegionKey
  customer: number
  city: string
  lines: PlannedLine[]
  capturedAt: Date | null
  canceledAt: Date | null
  /** Money back to the shopper: on cancellation, or when a return is received. */
  refunds: Array<{ at: Date; amount: number }>
  fulfilments: PlannedFulfilment[]
  returns: PlannedReturn[]
}
export type PlannedCustomer = { firstName: string; lastName: string; email: string; region: RegionKey }
export type PlannedStock = { sku: string; warehouse: Warehouse; stocked: number; reserved: number }

export type HistoryPlan = {
  from: Date
  now: Date
  orders: PlannedOrder[]
  customers: PlannedCustomer[]
  stock: PlannedStock[]
  /** Lines not sold because the variant was out of stock in every warehouse that ships it. */
  lostLines: number
  /** Warehouse x variant x day with nothing on the shelf at the day's end. */
  stockOutDays: number
}

export type HistoryOptions = {
  now: Date
  days?: number
  seed?: number
  /**
   * Plan only what came after this instant (a demo run again later tops its history up to
   * now) instead of the `days` before `now`.
   */
  after?: Date
  /** Units free to sell per `sku@warehouse` at the start (the store's levels), else a month's demand. */
  freeStock?: Record<string, number>
}

const CITIES: Array<{ name: string; weight: number; south: boolean }> = [
  { name: "Shanghai", weight: 0.2, south: false },
  { name: "Hangzhou", weight: 0.1, south: false },
  { name: "Beijing", weight: 0.12, south: false },
  { name: "Suzhou", weight: 0.06, south: false },
  { name: "Nanjing", weight: 0.06, south: false },
  { name: "Chengdu", weight: 0.07, south: false },
  { name: "Wuhan", weight: 0.05, south: false },
  { name: "Shenzhen", weight: 0.12, south: true },
  { name: "Guangzhou", weight: 0.12, south: true },
  { name: "Xiamen", weight: 0.05, south: true },
  { name: "Changsha", weight: 0.05, south: true },
]
const SURNAMES = ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma", "Zhu", "Hu", "Guo", "Lin", "He", "Gao", "Luo"]
const GIVEN = ["Wei", "Fang", "Na", "Min", "Jing", "Li", "Qiang", "Lei", "Jun", "Yang", "Yan", "Jie", "Tao", "Ming", "Chao", "Xiu", "Hui", "Ping", "Yu", "Ting", "Hao", "Xin", "Lin", "Bo"]

const CUSTOMERS = { cn: 5200, hk: 800 }
const FLAGSHIP_SHARE = 0.14
const HONG_KONG_SHARE = 0.1
/** Lines per basket: 1, 2, 3, 4. */
const BASKET_SIZES = [0.56, 0.27, 0.12, 0.05]
const LEAD_TIME_DAYS = 7
const REVIEW_DAYS = 7

export function planHistory(options: HistoryOptions): HistoryPlan {
  const now = DateTime.fromJSDate(options.now).setZone(STORE_ZONE)
  const from = options.after
    ? DateTime.fromJSDate(options.after).setZone(STORE_ZONE).startOf("hour")
    : now.minus({ days: options.days ?? 365 }).startOf("day")
  const afterMs = options.after?.getTime() ?? -Infinity
  const source = randomLcg(options.seed ?? 20261127)
  const random = () => source()
  const poisson = (lambda: number) => randomPoisson.source(source)(lambda)()
  const exponential = (mean: number) => randomExponential.source(source)(1 / mean)()
  const between = (low: number, high: number) => low + (high - low) * random()
  const pick = <T>(items: T[], weight: (item: T) => number): T => {
    const total = items.reduce((sum, item) => sum + weight(item), 0)
    let u = random() * total
    for (const item of items) {
      u -= weight(item)
      if (u <= 0) return item
    }
    return items[items.length - 1]
  }

  const customers: PlannedCustomer[] = []
  for (const region of ["cn", "hk"] as const) {
    for (let i = 0; i < CUSTOMERS[region]; i++) {
      const firstName = GIVEN[Math.floor(random() * GIVEN.length)]
      const lastName = SURNAMES[Math.floor(random() * SURNAMES.length)]
      customers.push({
        firstName,
        lastName,
        email: `${firstName}.${lastName}.${customers.length + 1}@example.com`.toLowerCase(),
        region,
      })
    }
  }
  const customerIndex = (region: RegionKey) => {
    // A few loyal customers order often, most order once or twice a year.
    const offset = region === "cn" ? 0 : CUSTOMERS.cn
    return offset + Math.floor(CUSTOMERS[region] * Math.pow(random(), 2.2))
  }

  const stock = new Stock(from, now, exponential, random, options.freeStock)
  const orders: PlannedOrder[] = []
  let lostLines = 0
  const nowMs = now.toMillis()

  let basket = basketDraw(from, random)
  let dayOrders = expectedOrdersOnDay(from, now)
  for (let hour = from; hour < now; hour = hour.plus({ hours: 1 })) {
    if (hour.hour === 0) {
      stock.startDay(hour)
      basket = basketDraw(hour, random)
      dayOrders = expectedOrdersOnDay(hour, now)
    }
    // expectedOrdersInHour, with the day's figure computed once a day
    const count = poisson(dayOrders * hourShare(hour))
    const placedTimes = Array.from({ length: count }, () => hour.toMillis() + random() * 3_600_000)
      .filter((t) => t <= nowMs && t > afterMs)
      .sort((a, b) => a - b)
    for (const placedMs of placedTimes) {
      const channel: Channel = hour.hour >= 10 && hour.hour < 22 && random() < FLAGSHIP_SHARE * 1.8 ? "flagship" : "web"
      const region: RegionKey = channel === "web" && random() < HONG_KONG_SHARE ? "hk" : "cn"
      const city = region === "hk" ? { name: "Hong Kong", weight: 1, south: true } : channel === "flagship" ? CITIES[0] : pick(CITIES, (c) => c.weight)

      const size = pick([1, 2, 3, 4], (n) => BASKET_SIZES[n - 1])
      const chosen = new Map<string, DemoVariant>()
      for (let i = 0; i < size * 3 && chosen.size < size; i++) {
        const variant = basket()
        chosen.set(variant.sku, variant)
      }
      const lines: PlannedLine[] = []
      for (const variant of chosen.values()) {
        const quantity = random() < 0.8 ? 1 : 1 + Math.floor(random() * variant.maxQuantity)
        const warehouse = stock.take(variant, quantity, channel === "flagship" ? ["shanghai"] : city.south ? ["shenzhen", "shanghai"] : ["shanghai", "shenzhen"])
        if (!warehouse) {
          lostLines++
          continue
        }
        lines.push({
          sku: variant.sku,
          quantity,
          unitPrice: region === "hk" ? hkdPrice(variant.price) : variant.price,
          warehouse,
        })
      }
      if (!lines.length) {
        continue
      }
      const order = lifecycle(
        { key: orders.length, placedAt: new Date(placedMs), channel, region, customer: customerIndex(region), city: city.name, lines },
        { now: nowMs, random, between, exponential }
      )
      stock.settle(order)
      orders.push(order)
    }
  }
  stock.startDay(now.plus({ days: 1 }).startOf("day"))

  return {
    from: from.toJSDate(),
    now: now.toJSDate(),
    orders,
    customers,
    stock: stock.final(orders),
    lostLines,
    stockOutDays: stock.stockOutDays,
  }
}

/** Draws a basket line's variant by popularity, with the day's season (a binary search). */
function basketDraw(day: DateTime, random: () => number): () => DemoVariant {
  const cumulative: number[] = []
  let total = 0
  for (const variant of DEMO_VARIANTS) {
    total += variant.weight * seasonFactor(variant, day.set({ hour: 12 }))
    cumulative.push(total)
  }
  return () => {
    const u = random() * total
    let low = 0
    let high = cumulative.length - 1
    while (low < high) {
      const mid = (low + high) >> 1
      if (cumulative[mid] < u) low = mid + 1
      else high = mid
    }
    return DEMO_VARIANTS[low]
  }
}

type Draw = {
  now: number
  random: () => number
  between: (low: number, high: number) => number
  exponential: (mean: number) => number
}

const HOUR = 3_600_000
const DAY = 24 * HOUR

/** What happened to an order after it was placed, cut at `now`. */
function lifecycle(
  order: Pick<PlannedOrder, "key" | "placedAt" | "channel" | "region" | "customer" | "city" | "lines">,
  { now, random, between }: Draw
): PlannedOrder {
  const placed = order.placedAt.getTime()
  const total = order.lines.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0)
  const happened = (t: number) => (t <= now ? new Date(t) : null)
  const all = order.lines.map((line, index) => ({ line: index, quantity: line.quantity }))
  const planned: PlannedOrder = {
    ...order,
    updatedAt: order.placedAt,
    capturedAt: null,
    canceledAt: null,
    refunds: [],
    fulfilments: [],
    returns: [],
  }

  if (order.channel === "flagship") {
    // A counter sale: paid, handed over and done within minutes.
    const at = placed + between(1, 4) * 60_000
    planned.capturedAt = happened(placed + 30_000)
    if (at <= now) {
      planned.fulfilments.push({ warehouse: "shanghai", at: new Date(at), shippedAt: new Date(at), deliveredAt: new Date(at), lines: all })
    }
    return finish(planned)
  }

  planned.capturedAt = happened(placed + between(0.5, 15) * 60_000)
  const firstPick = nextWorkingTime(placed + between(0.5, 5) * HOUR) + (random() < 0.1 ? between(1, 2.5) * DAY : 0)
  if (random() < 0.025) {
    const canceled = placed + between(0.1, 1) * (firstPick - placed)
    if (canceled <= now) {
      planned.canceledAt = new Date(canceled)
      if (planned.capturedAt) planned.refunds.push({ at: new Date(canceled + 60_000), amount: total })
      return finish(planned)
    }
  }

  const split = order.lines.length > 1 && random() < 0.12
  const parts = split ? [all.slice(0, Math.ceil(all.length / 2)), all.slice(Math.ceil(all.length / 2))] : [all]
  let pickAt = firstPick
  for (const part of parts) {
    if (pickAt > now) break
    const warehouse = order.lines[part[0].line].warehouse
    const byWarehouse = new Map<Warehouse, typeof part>()
    for (const entry of part) {
      const w = order.lines[entry.line].warehouse
      byWarehouse.set(w, [...(byWarehouse.get(w) ?? []), entry])
    }
    for (const [w, lines] of byWarehouse) {
      const shipped = pickAt + between(0.5, 5) * HOUR
      const delivered = shipped + (order.region === "hk" ? between(1.5, 4) : between(0.7, 3)) * DAY
      const marked = random() < 0.93
      planned.fulfilments.push({
        warehouse: w ?? warehouse,
        at: new Date(pickAt),
        shippedAt: happened(shipped),
        deliveredAt: marked && shipped <= now ? happened(delivered) : null,
        lines,
      })
    }
    pickAt = nextWorkingTime(pickAt + between(1, 3) * DAY)
  }

  const delivered = planned.fulfilments.filter((f) => f.deliveredAt)
  if (delivered.length && random() < 0.045) {
    const from = delivered[Math.floor(random() * delivered.length)]
    const entry = from.lines[Math.floor(random() * from.lines.length)]
    const requested = from.deliveredAt!.getTime() + between(1, 10) * DAY
    if (requested <= now) {
      const quantity = 1 + Math.floor(random() * entry.quantity)
      const received = happened(requested + between(2, 5) * DAY)
      planned.returns.push({ warehouse: from.warehouse, requestedAt: new Date(requested), receivedAt: received, lines: [{ line: entry.line, quantity }] })
      if (received) {
        planned.refunds.push({ at: new Date(received.getTime() + HOUR), amount: quantity * order.lines[entry.line].unitPrice })
      }
    }
  }
  return finish(planned)

  function finish(o: PlannedOrder): PlannedOrder {
    const times = [
      o.placedAt,
      o.capturedAt,
      o.canceledAt,
      ...o.refunds.map((r) => r.at),
      ...o.fulfilments.flatMap((f) => [f.at, f.shippedAt, f.deliveredAt]),
      ...o.returns.flatMap((r) => [r.requestedAt, r.receivedAt]),
    ].filter((t): t is Date => t !== null && t.getTime() <= now)
    o.refunds = o.refunds.filter((r) => r.at.getTime() <= now)
    o.updatedAt = new Date(Math.max(...times.map((t) => t.getTime())))
    return o
  }
}

/**
 * Stock on the shelves of both warehouses, day by day: what is free to sell, what is on its
 * way from the supplier, and the weekly reorder up to a few weeks of expected demand.
 */
class Stock {
  private free = new Map<string, number>()
  private incoming: Array<{ key: string; arrives: number; quantity: number }> = []
  stockOutDays = 0
  private lastReview = -Infinity

  constructor(
    private from: DateTime,
    private now: DateTime,
    private exponential: (mean: number) => number,
    private random: () => number,
    freeStock?: Record<string, number>
  ) {
    for (const variant of DEMO_VARIANTS) {
      for (const warehouse of warehousesOf(variant)) {
        const k = stockKey(variant.sku, warehouse)
        this.free.set(k, freeStock ? (freeStock[k] ?? 0) : Math.round(this.dailyDemand(variant, warehouse, from) * 30) + 2)
      }
    }
  }

  /** Units a warehouse can expect to sell in a day (its share of the variant's lines). */
  private dailyDemand(variant: DemoVariant, warehouse: Warehouse, day: DateTime, orders = expectedOrdersOnDay(day, this.now)): number {
    const lines = orders * 1.66
    const share = variant.southern ? (warehouse === "shenzhen" ? 0.38 : 0.62) : 1
    const season = variant.season ? seasonFactor(variant, day.plus({ days: 14 })) : 1
    return ((lines * variant.weight * season) / TOTAL_WEIGHT) * share * (1 + 0.2 * (variant.maxQuantity - 1))
  }

  startDay(day: DateTime) {
    const t = day.toMillis()
    for (const shipment of this.incoming.filter((s) => s.arrives <= t)) {
      this.free.set(shipment.key, (this.free.get(shipment.key) ?? 0) + shipment.quantity)
    }
    this.incoming = this.incoming.filter((s) => s.arrives > t)
    if (day > this.from) {
      for (const quantity of this.free.values()) {
        if (quantity <= 0) this.stockOutDays++
      }
    }
    if (t - this.lastReview >= REVIEW_DAYS * DAY) {
      this.lastReview = t
      this.review(day)
    }
  }

  private review(day: DateTime) {
    // The buyer plans on an ordinary day's demand, not on this week's festival or lull.
    const orders = expectedOrdersOnDay(day, this.now)
    for (const variant of DEMO_VARIANTS) {
      for (const warehouse of warehousesOf(variant)) {
        const k = stockKey(variant.sku, warehouse)
        const demand = this.dailyDemand(variant, warehouse, day, orders)
        const onOrder = this.incoming.filter((s) => s.key === k).reduce((sum, s) => sum + s.quantity, 0)
        const position = (this.free.get(k) ?? 0) + onOrder
        const orderUpTo = Math.ceil(demand * (LEAD_TIME_DAYS + REVIEW_DAYS + 12)) + 1
        if (position < demand * (LEAD_TIME_DAYS + REVIEW_DAYS) + 1) {
          // Suppliers are mostly on time; one shipment in twelve is two weeks late.
          const late = this.random() < 1 / 12 ? 14 + this.exponential(4) : this.exponential(1.5)
          this.incoming.push({ key: k, arrives: day.toMillis() + (LEAD_TIME_DAYS + late) * DAY, quantity: orderUpTo - position })
        }
      }
    }
  }

  /** Takes the units from the first warehouse that has them; null when none has. */
  take(variant: DemoVariant, quantity: number, preference: Warehouse[]): Warehouse | null {
    for (const warehouse of preference) {
      const k = stockKey(variant.sku, warehouse)
      const free = this.free.get(k)
      if (free !== undefined && free >= quantity) {
        this.free.set(k, free - quantity)
        return warehouse
      }
    }
    return null
  }

  /** Canceled units go back on the shelf; received returns are restocked. */
  settle(order: PlannedOrder) {
    const back = (sku: string, warehouse: Warehouse, quantity: number) => {
      const k = stockKey(sku, warehouse)
      this.free.set(k, (this.free.get(k) ?? 0) + quantity)
    }
    if (order.canceledAt) {
      for (const line of order.lines) back(line.sku, line.warehouse, line.quantity)
    }
    for (const ret of order.returns.filter((r) => r.receivedAt)) {
      for (const entry of ret.lines) back(order.lines[entry.line].sku, ret.warehouse, entry.quantity)
    }
  }

  /**
   * Medusa's view at `now`: stocked counts what is physically there, including units held
   * for orders not yet fulfilled, which are reserved.
   */
  final(orders: PlannedOrder[]): PlannedStock[] {
    const reserved = new Map<string, number>()
    for (const order of orders) {
      if (order.canceledAt) continue
      order.lines.forEach((line, index) => {
        const fulfilled = order.fulfilments.flatMap((f) => f.lines).filter((e) => e.line === index).reduce((s, e) => s + e.quantity, 0)
        const open = line.quantity - fulfilled
        if (open > 0) reserved.set(stockKey(line.sku, line.warehouse), (reserved.get(stockKey(line.sku, line.warehouse)) ?? 0) + open)
      })
    }
    return [...this.free.entries()].map(([k, free]) => {
      const [sku, warehouse] = k.split("@") as [string, Warehouse]
      const held = reserved.get(k) ?? 0
      return { sku, warehouse, stocked: Math.max(0, free) + held, reserved: held }
    })
  }
}

const TOTAL_WEIGHT = DEMO_VARIANTS.reduce((sum, v) => sum + v.weight * (v.season ? 0.05 : 1), 0)

function warehousesOf(variant: DemoVariant): Warehouse[] {
  return variant.southern ? ["shanghai", "shenzhen"] : ["shanghai"]
}

/** How the plan keys stock: `sku@warehouse`. */
export function stockKey(sku: string, warehouse: Warehouse) {
  return `${sku}@${warehouse}`
}
