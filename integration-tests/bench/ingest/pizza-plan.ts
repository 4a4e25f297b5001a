import { readFileSync } from "node:fs"
import path from "node:path"
import { gunzipSync } from "node:zlib"
import type { WritableOrder, WritablePlan } from "../../src/demo/history-writer"

/**
 * The pizza shop's 2015 (../shared/data/pizza_*, read at run time, never committed) as a
 * plan the demo's history writer can write: the orders, their lines and times are the
 * data's; what the data does not record (how each order went on) is made up here,
 * deterministically per order id: paid at once, a pickup or a delivery, baked and handed
 * over within the hour, delivered orders shipped and delivered; about 1% canceled before
 * baking (refunded), about 0.5% with one pizza sent back the same evening (refunded).
 * Times are the data's local times read as UTC (the bench's store runs in UTC).
 */
export const PIZZA_DATA_DIR = process.env.ORDER_RHYTHM_DATA_DIR || path.resolve(__dirname, "..", "..", "..", "..", "shared", "data")

export type PizzaVariant = { sku: string; type: string; size: string; price: number }
export type PizzaPlan = WritablePlan & { orders: WritableOrder[]; variants: PizzaVariant[]; lines: number }

const SIZE_TITLES: Record<string, string> = { S: "Small", M: "Medium", L: "Large", XL: "Extra large", XXL: "Party" }

function csv(file: string): string[][] {
  const text = gunzipSync(readFileSync(path.join(PIZZA_DATA_DIR, file))).toString("utf8")
  return text
    .split("\n")
    .slice(1)
    .filter((line) => line.trim())
    .map((line) => line.trim().split(","))
}

/** A small deterministic hash in [0, 1) of an order id and a salt. */
function unit(id: number, salt: number): number {
  let h = (id * 2654435761 + salt * 40503) >>> 0
  h ^= h >>> 16
  h = Math.imul(h, 2246822507) >>> 0
  h ^= h >>> 13
  return (h >>> 0) / 4294967296
}

export function titleOfType(type: string) {
  return type
    .split("_")
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join(" ")
}
export const sizeTitle = (size: string) => SIZE_TITLES[size] ?? size

export function planPizzaHistory(limit = Infinity): PizzaPlan {
  const variants = csv("pizza_pizzas.csv.gz").map(([sku, type, size, price]) => ({ sku, type, size, price: Number(price) }))
  const priceOf = new Map(variants.map((v) => [v.sku, v.price]))
  const linesOf = new Map<number, Array<{ sku: string; quantity: number }>>()
  for (const [, orderId, sku, quantity] of csv("pizza_order_details.csv.gz")) {
    const id = Number(orderId)
    const lines = linesOf.get(id) ?? []
    // The data repeats a pizza in an order as separate rows now and then: one line per pizza.
    const same = lines.find((line) => line.sku === sku)
    if (same) same.quantity += Number(quantity)
    else lines.push({ sku, quantity: Number(quantity) })
    linesOf.set(id, lines)
  }
  const customers = Array.from({ length: 400 }, (_, i) => ({
    firstName: "Guest",
    lastName: `No ${i + 1}`,
    email: `pizza-guest-${i + 1}@example.com`,
  }))
  const minutes = (at: Date, m: number) => new Date(at.getTime() + m * 60_000)
  const orders: WritableOrder[] = []
  let lineCount = 0
  for (const [orderId, date, time] of csv("pizza_orders.csv.gz")) {
    if (orders.length >= limit) break
    const id = Number(orderId)
    const planned = linesOf.get(id)
    if (!planned?.length) continue
    const placedAt = new Date(`${date}T${time}Z`)
    const delivery = unit(id, 1) < 0.4
    const canceled = unit(id, 2) < 0.01
    const returned = !canceled && unit(id, 3) < 0.005
    const lines = planned.map((line) => ({ sku: line.sku, quantity: line.quantity, unitPrice: priceOf.get(line.sku)!, warehouse: "kitchen" }))
    lineCount += lines.length
    const total = lines.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0)
    const capturedAt = minutes(placedAt, 1)
    const bakedAt = minutes(placedAt, 12 + 10 * unit(id, 4))
    const shippedAt = delivery ? minutes(bakedAt, 3) : bakedAt
    const deliveredAt = minutes(shippedAt, delivery ? 15 + 25 * unit(id, 5) : 1)
    const all = lines.map((_, line) => ({ line, quantity: lines[line].quantity }))
    const order: WritableOrder = {
      key: orders.length,
      placedAt,
      updatedAt: placedAt,
      channel: delivery ? "delivery" : "counter",
      region: "us",
      customer: Math.floor(unit(id, 6) * customers.length),
      city: "New York",
      lines,
      capturedAt,
      canceledAt: canceled ? minutes(placedAt, 4) : null,
      refunds: canceled ? [{ at: minutes(placedAt, 5), amount: total }] : [],
      fulfilments: canceled ? [] : [{ warehouse: "kitchen", at: bakedAt, shippedAt, deliveredAt, lines: all }],
      returns: [],
    }
    if (returned) {
      const requestedAt = minutes(deliveredAt, 30)
      const receivedAt = minutes(requestedAt, 40)
      order.returns.push({ warehouse: "kitchen", requestedAt, receivedAt, lines: [{ line: 0, quantity: 1 }] })
      order.refunds.push({ at: receivedAt, amount: lines[0].unitPrice })
    }
    const times = [placedAt, capturedAt, order.canceledAt, ...order.refunds.map((r) => r.at), ...order.fulfilments.flatMap((f) => [f.at, f.shippedAt, f.deliveredAt]), ...order.returns.flatMap((r) => [r.requestedAt, r.receivedAt])]
    order.updatedAt = new Date(Math.max(...times.filter((t): t is Date => Boolean(t)).map((t) => t.getTime())))
    orders.push(order)
  }
  orders.sort((a, b) => a.placedAt.getTime() - b.placedAt.getTime())
  orders.forEach((order, index) => (order.key = index))
  return { from: orders[0]?.placedAt ?? new Date(), customers, orders, variants, lines: lineCount }
}
