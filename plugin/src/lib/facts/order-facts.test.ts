import { describe, expect, it } from "vitest"
import { deriveOrderFacts, isDraft } from "./order-facts"
import type { LoadedOrder } from "./loaded-order"

const order: LoadedOrder = {
  id: "order_1",
  display_id: 7,
  sales_channel_id: "sc_web",
  region_id: "reg_eu",
  customer_id: "cus_1",
  currency_code: "EUR",
  created_at: "2026-03-01T10:00:00Z",
  updated_at: "2026-03-05T10:00:00Z",
  items: [
    // Tax-inclusive line (20% VAT inside 12: 10 a unit), its quantity only in its detail, as
    // Query returns it; one of its two units came back later. As placed, it was worth 20.
    { id: "li_a", variant_id: "v_a", variant_sku: "A", product_title: "Beans", variant_title: "250 g", detail: { quantity: 2 }, unit_price: 12, is_tax_inclusive: true, tax_lines: [{ rate: 20 }] },
    // A discount of 10 on a 60 kettle (19% tax on top): net 50. Decimals as Query returns them.
    { id: "li_b", variant_id: "v_b", variant_sku: "B", product_title: "Kettle", variant_title: "Kettle", quantity: 1, unit_price: { value: "60" }, tax_lines: [{ rate: 19 }], adjustments: [{ amount: "10" }] },
  ],
  payment_collections: [
    {
      payments: [
        {
          id: "pay_1",
          captures: [{ id: "capt_1", amount: 74, created_at: "2026-03-01T10:05:00Z" }],
          refunds: [{ id: "ref_1", amount: 12, created_at: "2026-03-06T09:00:00Z" }],
        },
      ],
    },
  ],
  fulfillments: [
    { id: "ful_1", location_id: "sloc_1", created_at: "2026-03-01T12:00:00Z", shipped_at: "2026-03-01T15:00:00Z", delivered_at: "2026-03-03T09:00:00Z", items: [{ line_item_id: "li_a", quantity: 2 }] },
    { id: "ful_x", location_id: "sloc_1", created_at: "2026-03-01T13:00:00Z", canceled_at: "2026-03-01T13:30:00Z", items: [{ line_item_id: "li_b", quantity: 1 }] },
    { id: "ful_2", location_id: "sloc_1", created_at: "2026-03-02T08:00:00Z", shipped_at: "2026-03-02T10:00:00Z", items: [{ line_item_id: "li_b", quantity: 1 }] },
  ],
  returns: [
    { id: "ret_1", location_id: "sloc_1", created_at: "2026-03-05T08:00:00Z", requested_at: "2026-03-05T08:00:00Z", received_at: "2026-03-06T08:30:00Z", items: [{ item_id: "li_a", quantity: 1, received_quantity: 1 }] },
    { id: "ret_x", created_at: "2026-03-05T09:00:00Z", canceled_at: "2026-03-05T09:10:00Z", items: [{ item_id: "li_b", quantity: 1 }] },
  ],
}

describe("deriveOrderFacts", () => {
  const facts = deriveOrderFacts(order)

  it("takes revenue from item totals after discounts, without tax", () => {
    expect(facts.order.revenue).toBe(70)
    expect(facts.order.units).toBe(3)
    expect(facts.order.currency_code).toBe("eur")
    expect(facts.lines.map((line) => [line.sku, line.net_amount, line.title])).toEqual([
      ["A", 20, "Beans · 250 g"],
      ["B", 50, "Kettle"],
    ])
  })

  it("keys each stage by the Medusa record that made it, with Medusa's own timestamp", () => {
    const byKey = Object.fromEntries(facts.stages.map((stage) => [stage.key, stage]))
    expect(Object.keys(byKey).sort()).toEqual([
      "capture:capt_1",
      "delivery:ful_1",
      "fulfillment:ful_1",
      "fulfillment:ful_2",
      "refund:ref_1",
      "return:ret_1:li_a",
      "return_requested:ret_1",
      "shipment:ful_1",
      "shipment:ful_2",
    ])
    expect(byKey["shipment:ful_2"].occurred_at.toISOString()).toBe("2026-03-02T10:00:00.000Z")
    expect(byKey["return:ret_1:li_a"]).toMatchObject({ units: 1, amount: 10, variant_id: "v_a", line_id: "li_a" })
    expect(byKey["refund:ref_1"].amount).toBe(12)
  })

  it("follows partial fulfilments to the moment the whole order was covered", () => {
    expect(facts.order.first_fulfilled_at?.toISOString()).toBe("2026-03-01T12:00:00.000Z")
    expect(facts.order.fully_fulfilled_at?.toISOString()).toBe("2026-03-02T08:00:00.000Z")
    expect(facts.order.fully_shipped_at?.toISOString()).toBe("2026-03-02T10:00:00.000Z")
    // Only the first parcel was delivered: the order is not fully delivered.
    expect(facts.order.fully_delivered_at).toBeNull()
    expect(facts.order.captured_at?.toISOString()).toBe("2026-03-01T10:05:00.000Z")
    expect(facts.order.returned_units).toBe(1)
  })

  it("takes the tax out of a tax-inclusive price and of a tax-inclusive discount, as Medusa's totals do", () => {
    const line = (adjustments: Array<{ amount: number; is_tax_inclusive?: boolean }>, inclusivePrice = true) =>
      deriveOrderFacts({ ...order, items: [{ id: "li_c", variant_sku: "C", quantity: 2, unit_price: 12, is_tax_inclusive: inclusivePrice, tax_lines: [{ rate: 15 }, { rate: 5 }], adjustments }] }).lines[0].net_amount
    // 24 with 20% inside is 20; a discount of 2 without tax leaves 18, one of 2.4 with tax too.
    expect(line([{ amount: 2 }])).toBe(18)
    expect(line([{ amount: 2.4, is_tax_inclusive: true }])).toBe(18)
    expect(line([{ amount: 1 }, { amount: 1.2, is_tax_inclusive: true }])).toBe(18)
    // Tax on top of the price: the price is already without tax.
    expect(line([{ amount: 2 }], false)).toBe(22)
  })

  it("records a cancellation with the revenue it takes back", () => {
    const canceled = deriveOrderFacts({ ...order, fulfillments: [], returns: [], canceled_at: "2026-03-01T11:00:00Z" })
    expect(canceled.stages.find((stage) => stage.stage === "canceled")).toMatchObject({
      key: "cancel:order_1",
      units: 3,
      amount: 70,
    })
  })

  it("derives the same facts from the same order every time", () => {
    expect(deriveOrderFacts(order)).toEqual(facts)
  })

  it("treats draft orders as not yet orders", () => {
    expect(isDraft({ ...order, status: "draft" })).toBe(true)
    expect(isDraft({ ...order, is_draft_order: true })).toBe(true)
    expect(isDraft({ ...order, status: "pending" })).toBe(false)
  })
})
