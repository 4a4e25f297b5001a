import { describe, expect, it } from "vitest"
import { addDays, dailySeries, daysBetween, lastClosedDay } from "./daily-series"

const row = (local_date: string, units_demanded: number, out_of_stock: boolean | null = null, variant_id = "v1", location_id = "loc") => ({
  local_date,
  variant_id,
  location_id,
  units_demanded,
  out_of_stock,
})

describe("dailySeries", () => {
  it("zero-fills the days without rows, with unknown stock, through the last closed day", () => {
    const [s] = dailySeries([row("2026-03-02", 3, false), row("2026-02-27", 1), row("2026-03-04", 2, true)], "2026-03-05")
    expect(s.firstDate).toBe("2026-02-27")
    expect(s.lastDate).toBe("2026-03-05")
    // 2026 is not a leap year: Feb 27, 28, Mar 1, 2, 3, 4, 5
    expect(s.values).toEqual([1, 0, 0, 3, 0, 2, 0])
    expect(s.inStock).toEqual([null, null, null, true, null, false, null])
  })

  it("leaves out today and later, and keeps variants and locations apart", () => {
    const series = dailySeries(
      [row("2026-03-01", 1), row("2026-03-02", 5), row("2026-03-01", 2, null, "v1", "other"), row("2026-03-03", 9, null, "v2")],
      "2026-03-02"
    )
    expect(series.map((s) => [s.variant_id, s.location_id, s.values])).toEqual([
      ["v1", "loc", [1, 5]],
      ["v1", "other", [2, 0]],
    ])
  })

  it("counts calendar days across a DST change once each", () => {
    // Europe/Berlin springs forward on 2026-03-29 and falls back on 2026-10-25
    const [s] = dailySeries([row("2026-03-28", 1), row("2026-03-30", 1), row("2026-10-26", 4)], "2026-10-26")
    expect(s.values).toHaveLength(213)
    expect(s.values[2]).toBe(1)
    expect(s.values[212]).toBe(4)
  })
})

describe("lastClosedDay", () => {
  it("is yesterday in the store's zone, not in UTC", () => {
    // 23:30 UTC on the 1st is already the 2nd in Shanghai and still the 1st in New York
    const now = new Date("2026-06-01T23:30:00Z")
    expect(lastClosedDay(now, "Asia/Shanghai")).toBe("2026-06-01")
    expect(lastClosedDay(now, "America/New_York")).toBe("2026-05-31")
    expect(lastClosedDay(now, "UTC")).toBe("2026-05-31")
  })
})

describe("calendar days", () => {
  it("counts across month ends, leap days and years", () => {
    expect(daysBetween("2028-02-28", "2028-03-01")).toBe(2)
    expect(daysBetween("2026-02-28", "2026-03-01")).toBe(1)
    expect(daysBetween("2026-12-31", "2027-01-01")).toBe(1)
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29")
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28")
    expect(addDays("2026-10-24", 2)).toBe("2026-10-26")
  })
})
