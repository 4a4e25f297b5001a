import { describe, expect, it } from "vitest"
import { convertDays, indexRates, rateOn, sumAmounts } from "./reporting-currency"

const book = {
  reportingCurrency: "eur",
  rates: [
    { currency: "usd", effectiveFrom: "2026-11-01", rate: 0.9 },
    { currency: "usd", effectiveFrom: "2026-11-10", rate: 0.95 },
    { currency: "gbp", effectiveFrom: "2026-11-05", rate: 1.15 },
  ],
}

describe("rateOn", () => {
  const index = indexRates(book)

  it("takes the newest rate that is in force on the day", () => {
    expect(rateOn(index, "usd", "2026-11-01")).toBe(0.9)
    expect(rateOn(index, "usd", "2026-11-09")).toBe(0.9)
    expect(rateOn(index, "usd", "2026-11-10")).toBe(0.95)
    expect(rateOn(index, "USD", "2027-01-01")).toBe(0.95)
  })

  it("has no rate before a currency's first one, and none for a currency never entered", () => {
    expect(rateOn(index, "usd", "2026-10-31")).toBeNull()
    expect(rateOn(index, "gbp", "2026-11-04")).toBeNull()
    expect(rateOn(index, "jpy", "2026-11-20")).toBeNull()
  })

  it("converts the reporting currency at exactly 1 without a rate", () => {
    expect(rateOn(index, "eur", "1999-01-01")).toBe(1)
  })
})

describe("convertDays", () => {
  it("converts each day at that day's rate", () => {
    const result = convertDays(book, [
      { localDate: "2026-11-09", amounts: { usd: 100, eur: 10 } },
      { localDate: "2026-11-10", amounts: { usd: 100 } },
    ])
    expect(result).toEqual({
      currency: "eur",
      total: 195,
      byCurrency: { usd: 185, eur: 10 },
      missing: [],
      complete: true,
    })
  })

  it("lists what had no rate instead of counting it as 0 or converting it at 1", () => {
    const result = convertDays(book, [
      { localDate: "2026-11-03", amounts: { gbp: 20, usd: 10, jpy: 500 } },
      { localDate: "2026-11-06", amounts: { gbp: 30 } },
      { localDate: "2026-11-07", amounts: { jpy: 250 } },
    ])
    expect(result.total).toBeCloseTo(9 + 34.5, 6)
    expect(result.byCurrency).toEqual({ usd: 9, gbp: 34.5 })
    expect(result.complete).toBe(false)
    expect(result.missing).toEqual([
      { currency: "gbp", amount: 20, days: ["2026-11-03"] },
      { currency: "jpy", amount: 750, days: ["2026-11-03", "2026-11-07"] },
    ])
  })

  it("takes refunds off at their own day's rate and ignores zero amounts without a rate", () => {
    const result = convertDays(book, [
      { localDate: "2026-11-09", amounts: { usd: 200 } },
      { localDate: "2026-11-12", amounts: { usd: -50, jpy: 0 } },
    ])
    expect(result.total).toBeCloseTo(200 * 0.9 - 50 * 0.95, 6)
    expect(result.complete).toBe(true)
  })

  it("is exact to the cent on decimal rates", () => {
    const result = convertDays({ reportingCurrency: "usd", rates: [{ currency: "eur", effectiveFrom: "2026-01-01", rate: 1.0823 }] }, [
      { localDate: "2026-06-01", amounts: { eur: 19.99 } },
      { localDate: "2026-06-02", amounts: { eur: 0.01 } },
    ])
    expect(result.total).toBe(21.646)
  })
})

describe("sumAmounts", () => {
  it("adds per-currency amounts", () => {
    expect(sumAmounts([{ eur: 0.1, usd: 1 }, { eur: 0.2 }])).toEqual({ eur: 0.3, usd: 1 })
  })
})
