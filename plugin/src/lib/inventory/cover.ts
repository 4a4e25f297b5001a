/**
 * Days of cover and the projected stock-out date: how long the stock free to sell lasts at the
 * mean forecast (past the forecast's horizon its last day repeats). Nothing on order is counted:
 * its arrival date is not known here.
 */
export function daysOfCover(available: number, mean: readonly number[], maxDays = 3650): number | null {
  if (available <= 0) return 0
  let left = available
  for (let k = 0; k < mean.length; k++) {
    const d = mean[k]
    if (d >= left && d > 0) return k + left / d
    left -= d
  }
  // past the forecast its last day repeats
  const last = mean.length ? mean[mean.length - 1] : 0
  if (!(last > 0)) return null
  const cover = mean.length + left / last
  return cover <= maxDays ? cover : null
}

/** The day the stock runs out on (day 0 = `firstDate`, the forecast's first day), or null if not within the cover limit. */
export function stockOutDate(cover: number | null, firstDate: string): string | null {
  if (cover === null) return null
  return addDays(firstDate, Math.floor(cover))
}

/** Calendar days on an ISO date, without a Date per call for the common case (the same month). */
function addDays(date: string, days: number): string {
  const day = +date.slice(8, 10) + days
  if (days >= 0 && day <= 28) return `${date.slice(0, 8)}${String(day).padStart(2, "0")}`
  const base = Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / 86_400_000
  return new Date((base + days) * 86_400_000).toISOString().slice(0, 10)
}
