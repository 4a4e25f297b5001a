import { describe, expect, it } from "vitest"
import { revenueNumbers } from "./revenue-numbers"
import { totalsFixture } from "./charts/fixtures"

describe("revenueNumbers", () => {
  it("is per currency, biggest first, without a reporting currency", () => {
    expect(revenueNumbers(totalsFixture())).toEqual([
      { currency: "eur", value: 48210.5, previous: 45100, noRate: false },
      { currency: "usd", value: 9120, previous: 10200, noRate: false },
    ])
  })

  it("is the converted total with a reporting currency, then what had no rate on its own", () => {
    const totals = {
      ...totalsFixture(),
      reporting: { currency: "eur", revenue: 56600.9, missing: ["usd"], lastWeek: { revenue: 54500, missing: [] } },
    }
    expect(revenueNumbers(totals)).toEqual([
      { currency: "eur", value: 56600.9, previous: 54500, noRate: false },
      { currency: "usd", value: 9120, previous: 10200, noRate: true },
    ])
  })

  it("compares with nothing when last week's total left a currency out", () => {
    const totals = {
      ...totalsFixture(),
      reporting: { currency: "eur", revenue: 100, missing: [], lastWeek: { revenue: 80, missing: ["usd"] } },
    }
    expect(revenueNumbers(totals)[0]).toEqual({ currency: "eur", value: 100, previous: null, noRate: false })
  })
})
