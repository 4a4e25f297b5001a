/**
 * The textbook policy the anchors ship (Odoo / ERPNext style, a normal approximation with no
 * lead-time spread): safety stock z x sigma of the last 8 weeks' sales x sqrt(L), reorder point
 * mean daily sales x L + safety stock, order up to s + a review period's mean sales. On monthly
 * data the window is the last 8 periods (two months would give no spread to speak of).
 */
import type { Plan } from "./simulate"

export function textbookPlanner(z: number, leadTime: number, review: number, window: number) {
  return (t: number, sales: readonly number[]): Plan => {
    const from = Math.max(0, t - window)
    const n = t - from
    let sum = 0
    for (let k = from; k < t; k++) sum += sales[k]
    const mean = n ? sum / n : 0
    let sq = 0
    for (let k = from; k < t; k++) sq += (sales[k] - mean) ** 2
    const sd = n > 1 ? Math.sqrt(sq / (n - 1)) : 0
    const s = Math.max(0, Math.ceil(mean * leadTime + z * sd * Math.sqrt(leadTime)))
    return { s, S: s + Math.max(1, Math.round(mean * review)), predictedCsl: NaN, predictedFill: NaN }
  }
}
