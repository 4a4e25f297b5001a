import { describe, expect, it } from "vitest"
import { DateTime } from "luxon"
import { expectedShare, learnWeekShape, periodDemandCurve, type HourlyDemand } from "./demand-curve"
import { pacing } from "./pacing"
import { localMidnight, monthPeriod, periodEdges } from "./period"

const TZ = "Asia/Shanghai"
const HOUR = 3_600_000

/**
 * A hand-built store: it sells from 09:00 to 21:00 local, 1 a hour on weekdays and 3 a hour on
 * Saturdays and Sundays (weekends sell triple). Eight past weeks of that history.
 */
function history(): { rows: HourlyDemand[]; span: { fromMs: number; toMs: number } } {
  const fromMs = localMidnight("2026-10-05", TZ) // a Monday
  const toMs = localMidnight("2026-11-30", TZ) // eight weeks later, a Monday
  const rows: HourlyDemand[] = []
  for (let t = fromMs; t < toMs; t += HOUR) {
    const local = DateTime.fromMillis(t, { zone: TZ })
    if (local.hour < 9 || local.hour >= 21) continue
    rows.push({ hourStartMs: t, value: local.weekday >= 6 ? 3 : 1 })
  }
  return { rows, span: { fromMs, toMs } }
}

describe("pacing on the store's own demand curve", () => {
  const { rows, span } = history()
  const shape = learnWeekShape(rows, TZ, span)
  const dec = monthPeriod("2026-12", TZ)
  const curve = periodDemandCurve(dec, shape)
  const at = (date: string, hour: number) => localMidnight(date, TZ) + hour * HOUR

  it("learns the weekday and hour shape", () => {
    // Monday 10:00 sells 1 a hour, Saturday 10:00 sells 3, any 03:00 nothing.
    expect(shape.weights[0 * 24 + 10]).toBe(1)
    expect(shape.weights[5 * 24 + 10]).toBe(3)
    expect(shape.weights[2 * 24 + 3]).toBe(0)
  })

  it("on day 10 of a month whose weekends sell triple the share expected is not 10/31", () => {
    // December 2026 starts on a Tuesday: 23 weekdays (12 a day) and 8 weekend days (36 a day),
    // 23 x 12 + 8 x 36 = 564 in all, i.e. 47 weekday-units of 12.
    // By the end of the 10th: Tue 1 - Fri 4 (4 weekdays), Sat 5 and Sun 6 (2 weekend days),
    // Mon 7 - Thu 10 (4 weekdays): 8 x 1 + 2 x 3 = 14 units. Share 14/47 = 0.29787, not 10/31 = 0.32258.
    expect(expectedShare(curve, localMidnight("2026-12-11", TZ))).toBeCloseTo(14 / 47, 12)
    expect(14 / 47).not.toBeCloseTo(10 / 31, 2)
    // The hours matter too: at 06:00 on Friday the 11th nothing more is expected (the store
    // opens at 9); at noon three of the day's twelve hours are in: 14.25 units.
    expect(expectedShare(curve, at("2026-12-11", 6))).toBeCloseTo(14 / 47, 12)
    expect(expectedShare(curve, at("2026-12-11", 12))).toBeCloseTo(14.25 / 47, 12)
    // Half past ten: 1.5 hours of a weekday hour at 1/12 of a unit each.
    expect(expectedShare(curve, at("2026-12-11", 10) + HOUR / 2)).toBeCloseTo((14 + 1.5 / 12) / 47, 12)
    expect(expectedShare(curve, periodEdges(dec).endMs)).toBe(1)
    expect(expectedShare(curve, periodEdges(dec).startMs)).toBe(0)
  })

  it("a forecast of the remaining days moves the share expected by now", () => {
    // The forecast says every day from the 11th on sells double its usual: the remaining
    // 21 days (15 weekdays, 6 weekend days) expect 2 x (15 x 12 + 6 x 36) = 792, the first ten
    // days 14 x 12 = 168 from the history. Share by the end of the 10th: 168 / 960 = 0.175.
    const forecast = new Map<string, number>()
    for (let d = 11; d <= 31; d++) {
      const date = `2026-12-${String(d).padStart(2, "0")}`
      forecast.set(date, DateTime.fromISO(date).weekday >= 6 ? 72 : 24)
    }
    const withForecast = periodDemandCurve(dec, shape, forecast)
    expect(expectedShare(withForecast, localMidnight("2026-12-11", TZ))).toBeCloseTo(168 / 960, 12)
  })

  it("marks on track, at risk and off track by the projection, where a straight line would not", () => {
    // Target 4,700 units. By the end of the 10th the curve expects 4,700 x 14/47 = 1,400.
    const share = expectedShare(curve, localMidnight("2026-12-11", TZ))
    const on = pacing(1_400, 4_700, share)
    expect(on.expectedByNow).toBeCloseTo(1_400, 9)
    expect(on.projectedAttainment).toBeCloseTo(1, 12)
    expect(on.status).toBe("on_track")
    // A straight line would expect 4,700 x 10/31 = 1,516 and call 1,400 behind (0.92 projected).
    expect(pacing(1_400, 4_700, 10 / 31).status).toBe("at_risk")
    // 1,300 projects to 1,300 / 1,400 = 92.9%: at risk. 1,000 projects to 71.4%: off track.
    expect(pacing(1_300, 4_700, share)).toMatchObject({ status: "at_risk" })
    expect(pacing(1_300, 4_700, share).projectedAttainment).toBeCloseTo(1_300 / 1_400, 12)
    expect(pacing(1_000, 4_700, share).status).toBe("off_track")
  })

  it("a rep who joins mid-period is paced over their own days", () => {
    // Joined on Monday the 14th. Their days: 14th-31st. By the end of Wednesday the 16th
    // they have had 3 weekdays = 3 units of the 47 - 14 (before the 14th: 14 + Fri 11 (1) +
    // Sat 12 (3) + Sun 13 (3) = 21 units; 47 - 21 = 26 units left). Share 3/26.
    const share = expectedShare(curve, localMidnight("2026-12-17", TZ), localMidnight("2026-12-14", TZ))
    expect(share).toBeCloseTo(3 / 26, 12)
  })

  it("nothing expected yet is not behind", () => {
    expect(pacing(0, 4_700, 0)).toMatchObject({ status: "on_track", projectedAttainment: null })
  })

  it("without history the curve is a straight line in time, and says so", () => {
    const flat = learnWeekShape([], TZ, span)
    expect(flat.basis).toBe("uniform")
    const c = periodDemandCurve(dec, flat)
    expect(expectedShare(c, localMidnight("2026-12-11", TZ))).toBeCloseTo(10 / 31, 12)
  })
})
