import { describe, expect, it } from "vitest"
import { formatHours, formatStoreDate, formatStoreDateTime } from "./store-time"

// 00:27 UTC on 8 December 2026 is 08:27 in Shanghai and still the 7th in New York.
const instant = "2026-12-08T00:27:00Z"

describe("times in Medusa Admin", () => {
  it("read on the store's clock, whatever zone the browser is in", () => {
    expect(formatStoreDateTime(instant, "Asia/Shanghai", "en-GB")).toBe("8 Dec 2026, 08:27")
    expect(formatStoreDateTime(instant, "America/New_York", "en-GB")).toBe("7 Dec 2026, 19:27")
  })

  it("are written in the admin's language", () => {
    expect(formatStoreDateTime(instant, "Asia/Shanghai", "de-DE")).toBe("08.12.2026, 08:27")
    expect(formatStoreDateTime(Date.parse(instant), "Asia/Shanghai", "en-GB")).toBe("8 Dec 2026, 08:27")
  })

  it("keep the store's calendar day as the store named it", () => {
    expect(formatStoreDate("2026-12-08", "en-GB")).toBe("Tue, 8 Dec 2026")
    expect(formatStoreDate("2026-03-29", "de-DE")).toBe("So., 29. März 2026")
  })

  it("give durations in hours, and in days from two days on", () => {
    expect(formatHours(5.25, "en-GB")).toBe("5.3 hrs")
    expect(formatHours(30, "en-GB")).toBe("30 hrs")
    expect(formatHours(60, "en-GB")).toBe("2.5 days")
  })
})
