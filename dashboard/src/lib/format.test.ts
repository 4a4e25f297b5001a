// @vitest-environment node
import { describe, expect, it } from "vitest"
import { formatClock, formatDate, formatDuration, formatMoney } from "./format"
import { wordsFor } from "./i18n/words"

describe("times on the store's clock", () => {
  it("follows the store's zone across the spring DST change", () => {
    // Berlin: 2025-03-30 02:00 CET jumps to 03:00 CEST.
    expect(formatClock("2025-03-30T00:30:00Z", "Europe/Berlin")).toBe("01:30")
    expect(formatClock("2025-03-30T01:30:00Z", "Europe/Berlin")).toBe("03:30")
  })

  it("follows the store's zone across the autumn DST change (02:xx happens twice)", () => {
    expect(formatClock("2025-10-26T00:30:00Z", "Europe/Berlin")).toBe("02:30")
    expect(formatClock("2025-10-26T01:30:00Z", "Europe/Berlin")).toBe("02:30")
    expect(formatClock("2025-10-26T02:30:00Z", "Europe/Berlin")).toBe("03:30")
  })

  it("reads the store's date, not the screen's", () => {
    // 23:30 UTC on the 1st is already the 2nd in Shanghai.
    expect(formatDate("2025-06-01T23:30:00Z", "Asia/Shanghai", "en")).toContain("2")
    expect(formatDate("2025-06-01T23:30:00Z", "Asia/Shanghai", "en")).toMatch(/Mon/)
  })

  it("does not invent a time it cannot read", () => {
    expect(formatClock("not a time", "Europe/Berlin")).toBe("--:--")
  })
})

describe("numbers", () => {
  it("writes each currency in its own format", () => {
    expect(formatMoney(1234.5, "usd", "en")).toBe("$1,235")
    expect(formatMoney(1234.5, "cny", "zh-CN")).toBe("¥1,235")
  })

  it("switches from hours to days for long ages", () => {
    expect(formatDuration(3.25, "en", wordsFor("en"))).toBe("3.3 h")
    expect(formatDuration(72, "en", wordsFor("en"))).toBe("3 d")
    expect(formatDuration(30, "zh-CN", wordsFor("zh-CN"))).toBe("30 小时")
  })
})
