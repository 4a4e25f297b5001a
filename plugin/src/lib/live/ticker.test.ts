import { describe, expect, it } from "vitest"
import type { OrderFacts } from "../facts"
import { mergeTicker, tickerOrderFromFacts } from "./ticker"
import type { TickerOrder } from "../../../live-client/src/protocol"

const entry = (orderId: string, placedAt: string, channelId = "sc_a"): TickerOrder => ({
  orderId,
  displayId: null,
  placedAt,
  channelId,
  units: 1,
  amount: 10,
  currency: "eur",
  items: [],
  canceled: false,
})

describe("the ticker's early merge", () => {
  it("puts a new order first and keeps the list's length", () => {
    const current = Array.from({ length: 20 }, (_, i) => entry(`order_${String(i).padStart(2, "0")}`, `2026-11-27T10:${String(59 - i).padStart(2, "0")}:00.000Z`))
    const merged = mergeTicker(current, [entry("order_new", "2026-11-27T11:00:00.000Z")])
    expect(merged).toHaveLength(20)
    expect(merged[0].orderId).toBe("order_new")
    expect(merged.map((o) => o.orderId)).not.toContain("order_19")
  })

  it("replaces an order it already holds (a cancellation) without moving it", () => {
    const current = [entry("order_b", "2026-11-27T10:02:00.000Z"), entry("order_a", "2026-11-27T10:01:00.000Z")]
    const merged = mergeTicker(current, [{ ...entry("order_a", "2026-11-27T10:01:00.000Z"), canceled: true }])
    expect(merged.map((o) => [o.orderId, o.canceled])).toEqual([
      ["order_b", false],
      ["order_a", true],
    ])
  })

  it("leaves an older order out when the list is full of newer ones, as the stored read would", () => {
    const current = Array.from({ length: 20 }, (_, i) => entry(`order_${i}`, `2026-11-27T10:${String(30 + i).padStart(2, "0")}:00.000Z`))
    expect(mergeTicker(current, [entry("order_old", "2026-11-27T09:00:00.000Z")])).toEqual(mergeTicker(current, []))
  })

  it("orders ties by id, newest id first, and narrows to a channel", () => {
    const merged = mergeTicker([], [entry("order_a", "2026-11-27T10:00:00.000Z"), entry("order_b", "2026-11-27T10:00:00.000Z"), entry("order_c", "2026-11-27T10:00:00.000Z", "sc_b")], "sc_a")
    expect(merged.map((o) => o.orderId)).toEqual(["order_b", "order_a"])
  })

  it("builds an entry from facts: number, items by line id, amount; no customer", () => {
    const facts = {
      order: { order_id: "order_1", display_id: 7, placed_at: new Date("2026-11-27T10:00:00Z"), sales_channel_id: null, units: 3, revenue: 42.5, currency_code: "cny", canceled_at: null, customer_id: "cus_1" },
      lines: [
        { line_id: "ordli_2", title: "Kettle", quantity: 1 },
        { line_id: "ordli_1", title: "Beans", quantity: 2 },
      ],
      stages: [],
    } as unknown as OrderFacts
    const ticker = tickerOrderFromFacts(facts)
    expect(ticker).toEqual({
      orderId: "order_1",
      displayId: 7,
      placedAt: "2026-11-27T10:00:00.000Z",
      channelId: "",
      units: 3,
      amount: 42.5,
      currency: "cny",
      items: [
        { title: "Beans", quantity: 2 },
        { title: "Kettle", quantity: 1 },
      ],
      canceled: false,
    })
    expect(JSON.stringify(ticker)).not.toContain("cus_1")
  })
})
