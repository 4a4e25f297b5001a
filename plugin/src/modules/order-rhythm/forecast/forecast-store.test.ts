import { describe, expect, it } from "vitest"
import { toReal } from "./forecast-store"

describe("toReal", () => {
  it("keeps what float4 holds, flushes what would underflow to 0, and holds overflow at float4's edge", () => {
    expect(toReal(2.5)).toBe(2.5)
    expect(toReal(-0.125)).toBe(-0.125)
    expect(toReal(0)).toBe(0)
    expect(toReal(1.2e-38)).toBe(1.2e-38)
    // ADIDA's level after months of zeros: none, not a value PostgreSQL refuses
    expect(toReal(8.095227244173111e-49)).toBe(0)
    expect(toReal(-3e-40)).toBe(0)
    expect(toReal(1e39)).toBe(3.4028234663852886e38)
    expect(toReal(-1e300)).toBe(-3.4028234663852886e38)
  })
})
