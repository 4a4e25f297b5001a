import type { ExpectedCurve, ExpectedHour } from "./expected-curve"
import { localHoursOfDay } from "./hour-labels"

// z for the 10th/90th percentile of a normal, as in the seasonal profile's Poisson floor.
const Z90 = 1.2815515655446004

/**
 * Today's expected intake from the demand forecasts: the day's total is the sum of the variants'
 * forecasts for it, the hour-by-hour shape stays the one the past weeks show (a forecast per day
 * knows nothing of lunch hours). Forecasts count units, the curve counts orders: the total is
 * converted with the store's own orders per unit over the same weeks. Days without a forecast
 * total keep the shape's own expectation, so a store without forecasts sees no change.
 */
export function forecastScaledCurve(
  shape: ExpectedCurve,
  unitsByDay: Readonly<Record<string, number>>,
  ordersPerUnit: number | null
): ExpectedCurve {
  return (localDate, timezone) => {
    const hours = shape(localDate, timezone)
    const units = unitsByDay[localDate]
    if (units === undefined || ordersPerUnit === null) return hours
    const total = units * ordersPerUnit
    const shapeTotal = hours.reduce((s, h) => s + h.expected, 0)
    if (shapeTotal <= 0) {
      // no past hours to take a shape from: spread the day evenly rather than expect nothing
      const hoursOfDay = localHoursOfDay(localDate, timezone)
      return hoursOfDay.map((h) => withPoissonFloor({ hourStartUtc: h.hourStartUtc, expected: total / hoursOfDay.length, lo: 0, hi: 0, samples: 0 }))
    }
    const factor = total / shapeTotal
    return hours.map((h) => withPoissonFloor({ ...h, expected: h.expected * factor, lo: h.lo * factor, hi: h.hi * factor }))
  }
}

function withPoissonFloor(h: ExpectedHour): ExpectedHour {
  const poisson = Z90 * Math.sqrt(h.expected)
  return { ...h, lo: Math.min(h.lo, Math.max(0, h.expected - poisson)), hi: Math.max(h.hi, h.expected + poisson) }
}
