import { describe, expect, it } from "vitest"
import { forecastWorkDue, nightOf } from "./night-schedule"

const schedule = { nightHour: 3, windowHours: 2, selectionWeekday: 7 }
const at = (iso: string) => new Date(iso)

describe("nightOf", () => {
  it("is the store's night, not the process's", () => {
    // 03:30 in Shanghai is 19:30 UTC the day before
    expect(nightOf(at("2026-06-01T19:30:00Z"), "Asia/Shanghai", schedule)).toBe("2026-06-02")
    expect(nightOf(at("2026-06-01T03:30:00Z"), "Asia/Shanghai", schedule)).toBeNull()
    expect(nightOf(at("2026-06-01T03:30:00Z"), "UTC", schedule)).toBe("2026-06-01")
  })

  it("opens at the night hour and closes after the window", () => {
    expect(nightOf(at("2026-06-01T02:59:00Z"), "UTC", schedule)).toBeNull()
    expect(nightOf(at("2026-06-01T03:00:00Z"), "UTC", schedule)).toBe("2026-06-01")
    expect(nightOf(at("2026-06-01T04:59:00Z"), "UTC", schedule)).toBe("2026-06-01")
    expect(nightOf(at("2026-06-01T05:00:00Z"), "UTC", schedule)).toBeNull()
  })

  it("finds a spring night whose start hour does not exist", () => {
    // Berlin, 2026-03-29: 02:00 jumps to 03:00 (01:00 UTC). A 02:00 start becomes 03:00 local.
    const twoAm = { ...schedule, nightHour: 2 }
    expect(nightOf(at("2026-03-29T00:59:00Z"), "Europe/Berlin", twoAm)).toBeNull()
    expect(nightOf(at("2026-03-29T01:00:00Z"), "Europe/Berlin", twoAm)).toBe("2026-03-29")
    expect(nightOf(at("2026-03-29T02:30:00Z"), "Europe/Berlin", twoAm)).toBe("2026-03-29")
  })

  it("keeps an autumn night at the same length in real hours, the repeated hour included", () => {
    // Berlin, 2026-10-25: 03:00 CEST -> 02:00 CET at 01:00 UTC. A 02:00 start is 00:00 UTC (CEST).
    const twoAm = { ...schedule, nightHour: 2 }
    expect(nightOf(at("2026-10-24T23:59:00Z"), "Europe/Berlin", twoAm)).toBeNull()
    expect(nightOf(at("2026-10-25T00:00:00Z"), "Europe/Berlin", twoAm)).toBe("2026-10-25")
    expect(nightOf(at("2026-10-25T01:30:00Z"), "Europe/Berlin", twoAm)).toBe("2026-10-25") // 02:30 CET, the second time
    expect(nightOf(at("2026-10-25T02:00:00Z"), "Europe/Berlin", twoAm)).toBeNull()
  })

  it("runs past midnight when the window does", () => {
    const late = { ...schedule, nightHour: 23, windowHours: 3 }
    expect(nightOf(at("2026-06-02T01:30:00Z"), "UTC", late)).toBe("2026-06-01")
  })
})

describe("forecastWorkDue", () => {
  const tz = "America/New_York"
  // 2026-06-07 is a Sunday; 03:30 EDT is 07:30 UTC
  const sundayNight = at("2026-06-07T07:30:00Z")
  const mondayNight = at("2026-06-08T07:30:00Z")
  const mondayNoon = at("2026-06-08T16:00:00Z")

  it("selects at once on a store that never selected, night or not", () => {
    expect(forecastWorkDue(mondayNoon, tz, schedule, {})).toEqual({ night: null, select: true, refit: false })
  })

  it("selects on the selection weekday's night and refits on the others, once each", () => {
    expect(forecastWorkDue(sundayNight, tz, schedule, { selectedOn: "2026-05-31", refitOn: "2026-06-06" })).toMatchObject({
      night: "2026-06-07",
      select: true,
      refit: false,
    })
    expect(forecastWorkDue(sundayNight, tz, schedule, { selectedOn: "2026-06-07", refitOn: "2026-06-07" })).toMatchObject({ select: false, refit: false })
    expect(forecastWorkDue(mondayNight, tz, schedule, { selectedOn: "2026-06-07", refitOn: "2026-06-07" })).toMatchObject({
      night: "2026-06-08",
      select: false,
      refit: true,
    })
    expect(forecastWorkDue(mondayNight, tz, schedule, { selectedOn: "2026-06-07", refitOn: "2026-06-08" })).toMatchObject({ refit: false })
  })

  it("does nothing outside the night", () => {
    expect(forecastWorkDue(mondayNoon, tz, schedule, { selectedOn: "2026-05-31", refitOn: "2026-06-01" })).toEqual({
      night: null,
      select: false,
      refit: false,
    })
  })

  it("catches up a missed selection night at the next night", () => {
    expect(forecastWorkDue(mondayNight, tz, schedule, { selectedOn: "2026-05-31", refitOn: "2026-06-06" })).toMatchObject({
      select: true,
      refit: false,
    })
  })
})
