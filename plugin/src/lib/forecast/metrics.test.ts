import { describe, expect, it } from "vitest"
import { bias, coverage, mase, naiveScale, pinball, rmsse, smape } from "./metrics"

describe("accuracy measures by hand", () => {
  it("sMAPE as M3 defines it, 0/0 counted as 0", () => {
    expect(smape([100, 0], [50, 0])).toBeCloseTo((200 * 50) / 150 / 2, 12)
  })
  it("MASE and RMSSE scale by the in-sample (seasonal) naive", () => {
    const train = [1, 3, 2, 4]
    expect(naiveScale(train, 1)).toBeCloseTo(5 / 3, 12)
    expect(mase([5, 5], [4, 7], train, 1)).toBeCloseTo(1.5 / (5 / 3), 12)
    expect(naiveScale([1, 3, 2, 4], 2)).toBe(1)
    // squared errors 1 and 4; squared in-sample changes 4, 1, 4
    expect(rmsse([5, 5], [4, 7], train, 1)).toBeCloseTo(Math.sqrt(2.5 / 3), 12)
  })
  it("bias, coverage, pinball", () => {
    expect(bias([1, 2], [2, 4])).toBe(1.5)
    expect(coverage([1, 5, 9], [0, 0, 0], [2, 6, 8])).toBeCloseTo(2 / 3, 12)
    expect(pinball([10], [8], 0.9)).toBeCloseTo(1.8, 12)
    expect(pinball([10], [12], 0.9)).toBeCloseTo(0.2, 12)
  })
})
