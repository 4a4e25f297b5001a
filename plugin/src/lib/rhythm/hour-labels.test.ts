import { describe, expect, it } from "vitest"
import { hourLabelText, labelHour, labelHourMs, localDayBounds, localHoursOfDay, shiftLocalDate } from "./hour-labels"
import { localClock, zoneOffsets } from "./local-clock"

describe("hour labels", () => {
  it("autumn DST day in Berlin has 25 hours and keeps the repeated 02:00 as two buckets", () => {
    const hours = localHoursOfDay("2026-10-25", "Europe/Berlin")
    expect(hours).toHaveLength(25)
    expect(hours[0].hourStartUtc).toBe("2026-10-24T22:00:00.000Z")
    expect(hours[24].hourStartUtc).toBe("2026-10-25T22:00:00.000Z")
    const twoAm = hours.filter((h) => h.localHour === 2)
    expect(twoAm.map((h) => h.hourStartUtc)).toEqual(["2026-10-25T00:00:00.000Z", "2026-10-25T01:00:00.000Z"])
    expect(twoAm.map((h) => h.label)).toEqual(["02:00 +02:00", "02:00 +01:00"])
    expect(hours.map((h) => h.localHour)).toEqual([0, 1, 2, 2, ...Array.from({ length: 21 }, (_, i) => i + 3)])
    expect(hours.filter((h) => h.ambiguous)).toHaveLength(2)
    expect(hours[1].label).toBe("01:00")
  })

  it("spring DST day in Berlin has 23 hours and no 02:00", () => {
    const hours = localHoursOfDay("2026-03-29", "Europe/Berlin")
    expect(hours).toHaveLength(23)
    expect(hours[0].hourStartUtc).toBe("2026-03-28T23:00:00.000Z")
    expect(hours.map((h) => h.localHour)).toEqual([0, 1, ...Array.from({ length: 21 }, (_, i) => i + 3)])
    expect(hours.some((h) => h.ambiguous)).toBe(false)
  })

  it("ordinary day has 24 hours; New York autumn has 25", () => {
    expect(localHoursOfDay("2026-06-15", "Europe/Berlin")).toHaveLength(24)
    expect(localHoursOfDay("2026-11-01", "America/New_York")).toHaveLength(25)
    expect(localHoursOfDay("2026-03-08", "America/New_York")).toHaveLength(23)
  })

  it("labels one UTC hour in the store's zone", () => {
    expect(labelHour("2026-10-25T01:00:00Z", "Europe/Berlin")).toEqual({
      hourStartUtc: "2026-10-25T01:00:00.000Z",
      localDate: "2026-10-25",
      localHour: 2,
      weekday: 7,
      label: "02:00 +01:00",
      ambiguous: true,
    })
    // 22:00Z on Sunday is already Monday in Berlin (summer, +2)
    expect(labelHour("2026-06-14T22:00:00Z", "Europe/Berlin")).toMatchObject({ localDate: "2026-06-15", localHour: 0, weekday: 1, label: "00:00" })
    expect(labelHour("2026-06-15T10:00:00Z", "Asia/Kolkata")).toMatchObject({ localHour: 15, label: "15:30" })
  })

  it("rejects an unknown zone and a malformed date", () => {
    expect(() => labelHour("2026-06-15T10:00:00Z", "Mars/Olympus")).toThrow(/time zone/)
    expect(() => localHoursOfDay("2026-13-01", "Europe/Berlin")).toThrow(/local date/)
  })

  it("gives the same frozen day to every caller, and a malformed date still throws after a good one", () => {
    const first = localHoursOfDay("2026-10-25", "Europe/Berlin")
    expect(localHoursOfDay("2026-10-25", "Europe/Berlin")).toBe(first)
    expect(Object.isFrozen(first) && Object.isFrozen(first[0])).toBe(true)
    // the same date in another zone is another day
    expect(localHoursOfDay("2026-10-25", "America/New_York")[0].hourStartUtc).toBe("2026-10-25T04:00:00.000Z")
    expect(localDayBounds("2026-10-25", "Europe/Berlin")).toEqual({ startMs: Date.parse("2026-10-24T22:00:00Z"), endMs: Date.parse("2026-10-25T23:00:00Z") })
    expect(() => localDayBounds("2026-02-30", "Europe/Berlin")).toThrow(/local date/)
  })
})

describe("shiftLocalDate", () => {
  it("steps calendar days across months, leap days and years", () => {
    expect(shiftLocalDate("2026-03-29", -7)).toBe("2026-03-22")
    expect(shiftLocalDate("2024-03-01", -1)).toBe("2024-02-29")
    expect(shiftLocalDate("2025-03-01", -1)).toBe("2025-02-28")
    expect(shiftLocalDate("2026-12-28", 7)).toBe("2027-01-04")
    expect(shiftLocalDate("2026-01-05", -56)).toBe("2025-11-10")
    expect(shiftLocalDate("2026-06-15", 0)).toBe("2026-06-15")
  })

  it("names a date that is not one", () => {
    expect(() => shiftLocalDate("2026-02-30", -7)).toThrow(/not a calendar date: 2026-02-30/)
    expect(() => shiftLocalDate("15.06.2026", 1)).toThrow(/yyyy-MM-dd/)
  })
})

describe("hourLabelText", () => {
  it("labels every hour of two years as labelHourMs does, in zones with DST, half hours and a half-hour DST", () => {
    for (const zone of ["Europe/Berlin", "America/New_York", "Asia/Shanghai", "Asia/Kolkata", "America/St_Johns", "Australia/Lord_Howe"]) {
      const clock = localClock(zone)
      const offsetAt = zoneOffsets(zone)
      const start = Date.parse("2025-01-01T00:00:00Z")
      let ambiguous = 0
      for (let ms = start; ms < start + 2 * 366 * 86_400_000; ms += 3_600_000) {
        const full = labelHourMs(ms, clock).label
        if (full.includes(" ")) ambiguous++
        expect(hourLabelText(ms, clock(ms), clock, offsetAt)).toBe(full)
      }
      // two autumn changes (none in Shanghai and Kolkata), each labelled on both sides
      expect(ambiguous).toBe(["Asia/Shanghai", "Asia/Kolkata"].includes(zone) ? 0 : 4)
    }
  })
})
