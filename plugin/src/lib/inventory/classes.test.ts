import { describe, expect, it } from "vitest"
import { abcClasses, weeklyVariation, xyzClass } from "./abc-xyz"
import { achievedServiceLevel } from "./achieved-service-level"
import { daysOfCover, stockOutDate } from "./cover"

describe("ABC x XYZ", () => {
  it("classes by the share of value an item's first unit falls in (80 / 15 / 5)", () => {
    const c = abcClasses([
      { key: "a", value: 50 },
      { key: "b", value: 30 },
      { key: "c", value: 10 },
      { key: "d", value: 5 },
      { key: "e", value: 3 },
      { key: "f", value: 2 },
    ])
    expect(["a", "b", "c", "d", "e", "f"].map((k) => c.get(k))).toEqual(["A", "A", "B", "B", "C", "C"])
  })

  it("classes variability by the weekly coefficient of variation", () => {
    const steady = new Array(56).fill(3)
    expect(weeklyVariation(steady)).toBe(0)
    expect(xyzClass(weeklyVariation(steady))).toBe("X")
    // weeks of 14, 0, 14, 0: mean 7, sd 8.08 -> cv 1.15
    const lumpy = [...new Array(7).fill(2), ...new Array(7).fill(0), ...new Array(7).fill(2), ...new Array(7).fill(0)]
    expect(weeklyVariation(lumpy)).toBeCloseTo(Math.sqrt(196 / 3) / 7, 9)
    expect(xyzClass(weeklyVariation(lumpy))).toBe("Z")
    expect(xyzClass(0.7)).toBe("Y")
    expect(xyzClass(weeklyVariation([1, 2, 3]))).toBe("Z")
  })
})

describe("achieved service level", () => {
  it("is the share of review cycles with demand that had no stock-out", () => {
    // 14 days, weekly reviews: week 1 sold with a stock-out day, week 2 sold clean
    const units = [1, 0, 2, 0, 0, 1, 0, 3, 0, 0, 1, 0, 0, 0]
    const out = [false, false, false, true, false, false, false, false, false, false, false, false, false, false]
    expect(achievedServiceLevel(units, out, 7)).toEqual({ level: 0.5, cycles: 2, cyclesWithStockOut: 1 })
  })

  it("leaves out cycles without demand, and counts a stock-out day as demand", () => {
    const units = new Array(21).fill(0)
    const out = new Array(21).fill(false)
    out[20] = true
    expect(achievedServiceLevel(units, out, 7)).toEqual({ level: 0, cycles: 1, cyclesWithStockOut: 1 })
    expect(achievedServiceLevel(units, new Array(21).fill(null), 7).level).toBeNull()
  })

  it("looks back 90 days only", () => {
    const units = new Array(120).fill(1)
    const out = new Array(120).fill(false)
    out[5] = true
    expect(achievedServiceLevel(units, out, 1)).toEqual({ level: 1, cycles: 90, cyclesWithStockOut: 0 })
  })
})

describe("cover", () => {
  it("counts days at the mean forecast, and the date the stock runs out", () => {
    expect(daysOfCover(10, [4, 4, 4])).toBeCloseTo(2.5, 12)
    expect(daysOfCover(20, [4, 4, 4])).toBeCloseTo(5, 12)
    expect(daysOfCover(0, [4])).toBe(0)
    expect(daysOfCover(5, [0, 0])).toBeNull()
    expect(stockOutDate(2.5, "2026-02-27")).toBe("2026-03-01")
    expect(stockOutDate(null, "2026-02-27")).toBeNull()
  })
})
