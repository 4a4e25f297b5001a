/**
 * Reads the shared benchmark data (../shared/data beside the repository, or ORDER_RHYTHM_DATA).
 * The files are read in place and never copied into the repository.
 */
import { existsSync, readFileSync } from "node:fs"
import path from "node:path"
import { gunzipSync } from "node:zlib"
import { splitCsvLine } from "../../../plugin/src/lib/forecast/series-csv"

export const repoRoot = path.resolve(__dirname, "..", "..", "..")
export const dataDir = process.env.ORDER_RHYTHM_DATA ?? path.resolve(repoRoot, "..", "shared", "data")

export function dataFile(name: string): string {
  const file = path.join(dataDir, name)
  if (!existsSync(file)) throw new Error(`benchmark data ${file} is missing (set ORDER_RHYTHM_DATA to the folder that holds it)`)
  return file
}

/** Rows of a gzipped CSV as objects keyed by the header. */
export function readCsvGz(name: string): Record<string, string>[] {
  const text = gunzipSync(readFileSync(dataFile(name))).toString("utf8")
  const lines = text.split("\n").filter((l) => l.trim() !== "")
  const header = splitCsvLine(lines[0], 1)
  return lines.slice(1).map((l, i) => {
    const f = splitCsvLine(l, i + 2)
    const row: Record<string, string> = {}
    header.forEach((h, j) => (row[h] = f[j]))
    return row
  })
}

export type Series = { id: string; name?: string; type?: string; train: number[]; test: number[] }

/** M3 monthly, with the competition's own train/test split. */
export function m3Monthly(): Series[] {
  const by = new Map<string, { type: string; rows: { t: number; v: number; split: string }[] }>()
  for (const r of readCsvGz("m3_monthly.csv.gz")) {
    let g = by.get(r.series)
    if (!g) by.set(r.series, (g = { type: r.type, rows: [] }))
    g.rows.push({ t: Number(r.t), v: Number(r.value), split: r.split })
  }
  return [...by].map(([id, g]) => {
    g.rows.sort((a, b) => a.t - b.t)
    return { id, type: g.type, train: g.rows.filter((r) => r.split === "train").map((r) => r.v), test: g.rows.filter((r) => r.split === "test").map((r) => r.v) }
  })
}

/** Series in `series,name,t,time,value` files, whole (split later by the caller). */
export function namedSeries(file: string): { id: string; name: string; values: number[] }[] {
  const by = new Map<string, { name: string; rows: { t: number; v: number }[] }>()
  for (const r of readCsvGz(file)) {
    let g = by.get(r.series)
    if (!g) by.set(r.series, (g = { name: r.name, rows: [] }))
    g.rows.push({ t: Number(r.t), v: r.value === "NA" || r.value === "" ? NaN : Number(r.value) })
  }
  return [...by].map(([id, g]) => ({ id, name: g.name, values: g.rows.sort((a, b) => a.t - b.t).map((r) => r.v) }))
}

export function holdOut(values: number[], h: number): { train: number[]; test: number[] } {
  return { train: values.slice(0, values.length - h), test: values.slice(values.length - h) }
}

/** Daily units per pizza SKU over 2015 (365 days; a day without orders is 0). */
export function pizzaDaily(): { id: string; values: number[] }[] {
  const dateOf = new Map<string, string>()
  for (const r of readCsvGz("pizza_orders.csv.gz")) dateOf.set(r.order_id, r.date)
  const start = Date.UTC(2015, 0, 1)
  const days = 365
  const by = new Map<string, number[]>()
  for (const r of readCsvGz("pizza_order_details.csv.gz")) {
    const date = dateOf.get(r.order_id)
    if (!date) throw new Error(`pizza order ${r.order_id} has no date`)
    const d = Math.round((Date.parse(`${date}T00:00:00Z`) - start) / 86_400_000)
    if (d < 0 || d >= days) continue
    let v = by.get(r.pizza_id)
    if (!v) by.set(r.pizza_id, (v = new Array(days).fill(0)))
    v[d] += Number(r.quantity)
  }
  return [...by].sort(([a], [b]) => a.localeCompare(b)).map(([id, values]) => ({ id, values }))
}
