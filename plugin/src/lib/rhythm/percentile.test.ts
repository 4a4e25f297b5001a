import { describe, expect, it } from "vitest"
import { percentile } from "./percentile"

describe("percentile (linear interpolation, numpy default)", () => {
  it("interpolates between closest ranks", () => {
    expect(percentile([4, 1, 3, 2], 0.5)).toBe(2.5)
    expect(percentile([1, 2, 3, 4], 0.9)).toBeCloseTo(3.7, 10)
    expect(percentile([2, 4, 6, 8, 10], 0.9)).toBeCloseTo(9.2, 10)
  })
  it("handles edges", () => {
    expect(percentile([], 0.5)).toBeNull()
    expect(percentile([7], 0.9)).toBe(7)
    expect(percentile([1, 9], 0)).toBe(1)
    expect(percentile([1, 9], 1)).toBe(9)
  })
})
