import { describe, expect, it } from "vitest"
import { seasonalProfileCurve } from "./expected-curve"
import { bucket } from "./__tests__/fixtures"

const DAY = 86_400_000
// Monday 2026-06-15, UTC; the same hour k weeks back
const noonWeeksBack = (k: number) => new Date(Date.parse("2026-06-15T12:00:00Z") - k * 7 * DAY).toISOString()
const weekly = [10, 12, 8, 10, 14, 6, 10, 10] // k = 1..8
const history = weekly.map((v, i) => bucket(noonWeeksBack(i + 1), v))
const noonOf = (curve: ReturnType<typeof seasonalProfileCurve>, date = "2026-06-15", tz = "UTC") =>
  curve(date, tz).find((h) => h.hourStartUtc === `${date}T12:00:00.000Z`)!

describe("expected curve: seasonal profile of the past weeks", () => {
  it("mean of 8 weeks with the 10th-90th percentile band (units: no Poisson floor)", () => {
    const noon = noonOf(seasonalProfileCurve(history, { measure: "units" }))
    // sorted 6 8 10 10 10 10 12 14: mean 10, p10 = 6 + 0.7 * 2, p90 = 12 + 0.3 * 2
    expect(noon.expected).toBe(10)
    expect(noon.lo).toBeCloseTo(7.4, 10)
    expect(noon.hi).toBeCloseTo(12.6, 10)
    expect(noon.samples).toBe(8)
  })

  it("orders get at least the Poisson band mean +/- 1.28 sqrt(mean)", () => {
    const noon = noonOf(seasonalProfileCurve(history))
    expect(noon.lo).toBeCloseTo(10 - 1.2815515655 * Math.sqrt(10), 6)
    expect(noon.hi).toBeCloseTo(10 + 1.2815515655 * Math.sqrt(10), 6)
  })

  it("hours without orders expect zero; 24 entries on an ordinary day", () => {
    const day = seasonalProfileCurve(history)("2026-06-15", "UTC")
    expect(day).toHaveLength(24)
    // 7 samples: history starts at the earliest bucket, noon 8 weeks back, so that morning is unknown
    expect(day[3]).toEqual({ hourStartUtc: "2026-06-15T03:00:00.000Z", expected: 0, lo: 0, hi: 0, samples: 7 })
  })

  it("weeks option and coverage start limit the history", () => {
    expect(noonOf(seasonalProfileCurve(history, { weeks: 2 })).expected).toBe(11)
    const covered = noonOf(seasonalProfileCurve(history, { coverageStartUtc: "2026-05-18T00:00:00Z" }))
    expect(covered).toMatchObject({ expected: 10, samples: 4 }) // weeks 1-4: 10 12 8 10
    // by default coverage starts at the earliest bucket: hours before it are unknown, not zero
    const short = seasonalProfileCurve([bucket(noonWeeksBack(1), 10), bucket(noonWeeksBack(2), 20)])("2026-06-15", "UTC")
    expect(short[12]).toMatchObject({ expected: 15, samples: 2 })
    expect(short[11]).toMatchObject({ expected: 0, samples: 1 })
    expect(short[13]).toMatchObject({ expected: 0, samples: 2 })
  })

  it("DST: both 02:00 hours of the autumn day get the 02:00 profile; a past autumn 02:00 is averaged", () => {
    // Sundays 2026-10-18 and 10-11, 02:00 Berlin (summer) = 00:00Z
    const past = [bucket("2026-10-18T00:00:00Z", 4), bucket("2026-10-11T00:00:00Z", 6)]
    const autumn = seasonalProfileCurve(past, { weeks: 2, measure: "units" })("2026-10-25", "Europe/Berlin")
    expect(autumn).toHaveLength(25)
    expect(autumn.filter((h) => h.expected === 5).map((h) => h.hourStartUtc)).toEqual([
      "2026-10-25T00:00:00.000Z",
      "2026-10-25T01:00:00.000Z",
    ])
    const afterAutumn = seasonalProfileCurve([bucket("2026-10-25T00:00:00Z", 2), bucket("2026-10-25T01:00:00Z", 6)], {
      weeks: 1,
      measure: "units",
    })("2026-11-01", "Europe/Berlin")
    // 02:00 Berlin (winter) on 2026-11-01 = 01:00Z
    expect(afterAutumn.find((h) => h.hourStartUtc === "2026-11-01T01:00:00.000Z")).toMatchObject({ expected: 4, samples: 1 })
  })
})
