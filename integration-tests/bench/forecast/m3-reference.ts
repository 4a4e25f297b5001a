/**
 * M3 monthly's reference figures beside the shipped configuration's test sMAPE: the competition's
 * submitted forecasts rescored here on the same test part, naive and seasonal naive, and R's
 * published ets and thetaf.
 */
import { smape } from "../../../plugin/src/lib/forecast"
import { m3Monthly, readCsvGz } from "./data"

export function m3Reference(ours: number, log: (s: string) => void) {
  const series = m3Monthly()
  const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
  const actual = new Map(series.map((s) => [s.id, s.test]))
  const submitted = new Map<string, number[]>()
  for (const r of readCsvGz("m3_monthly_original_forecasts.csv.gz")) {
    const a = actual.get(r.series)![Number(r.h) - 1]
    const f = Number(r.forecast)
    const d = Math.abs(a) + Math.abs(f)
    if (!submitted.has(r.method)) submitted.set(r.method, [])
    submitted.get(r.method)!.push(d === 0 ? 0 : (200 * Math.abs(a - f)) / d)
  }
  const table: [string, number][] = [
    ["Order Rhythm, shipped (this run)", ours],
    ["naive (this run)", avg(series.map((s) => smape(s.test, s.test.map(() => s.train[s.train.length - 1]))))],
    ["seasonal naive (this run)", avg(series.map((s) => smape(s.test, s.test.map((_, k) => s.train[s.train.length - 12 + (k % 12)]))))],
    ...[...submitted].map(([m, xs]): [string, number] => [`${m} (M3 submission, recomputed)`, avg(xs)]),
    ["R ets (published)", 14.14],
    ["R thetaf (published)", 13.86],
    ["R mean of ets and thetaf (published)", 13.59],
  ]
  table.sort((a, b) => a[1] - b[1])
  log("  M3 test sMAPE against the references:")
  for (const [name, v] of table) log(`    ${name.padEnd(42)} ${v.toFixed(2)}`)
}
