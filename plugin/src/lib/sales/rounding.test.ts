import { describe, expect, it } from "vitest"
import { mul, ratio } from "./exact-ratio"
import { formatMinor, minorUnitDigits, roundHalfUp } from "./rounding"

describe("rounding a statement line", () => {
  it("rounds half up to the minor unit, exactly as written", () => {
    // 57.50 CNY at 2.2%: 5,750 fen x 0.022 = 126.5 fen -> 127 fen (1.27 CNY).
    // In floating point 5750 * 0.022 is 126.49999999999999, which would round down to 126.
    expect(Math.round(5750 * 0.022)).toBe(126)
    expect(roundHalfUp(mul(ratio(5750), ratio(0.022)))).toBe(127)
    // 1,234.57 CNY at 3.5%: 123,457 x 0.035 = 4,320.995 fen -> 4,321 fen.
    expect(roundHalfUp(mul(ratio(123457), ratio("0.035")))).toBe(4321)
    // 0.5 fen -> 1 fen; 0.4999 fen -> 0.
    expect(roundHalfUp(ratio("0.5"))).toBe(1)
    expect(roundHalfUp(ratio("0.4999"))).toBe(0)
  })

  it("rounds a negative half away from zero, so a clawback cancels its commission", () => {
    expect(roundHalfUp(ratio("-4320.995"))).toBe(-4321)
    expect(roundHalfUp(ratio("-0.5"))).toBe(-1)
    expect(roundHalfUp(ratio("-0.49"))).toBe(-0)
  })

  it("knows each currency's minor unit", () => {
    expect(minorUnitDigits("cny")).toBe(2)
    expect(minorUnitDigits("JPY")).toBe(0)
    expect(minorUnitDigits("kwd")).toBe(3)
    expect(formatMinor(124000, "cny")).toBe("1240.00")
    expect(formatMinor(-5, "eur")).toBe("-0.05")
    expect(formatMinor(1240, "jpy")).toBe("1240")
  })
})
