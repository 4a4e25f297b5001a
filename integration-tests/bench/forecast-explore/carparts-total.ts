/** Exploration (training months only): the reference set's total demand per month. */
import { namedSeries, readCsvGz } from "../forecast/data"
const names = new Set(readCsvGz("carparts_croston_reference_R.csv.gz").map((r) => r.series))
const all = namedSeries("carparts.csv.gz").filter((s) => names.has(s.name)).map((s) => s.values.slice(0, 39))
const tot = Array.from({ length: 39 }, (_, t) => all.reduce((s, y) => s + (Number.isFinite(y[t]) ? y[t] : 0), 0))
const nz = Array.from({ length: 39 }, (_, t) => all.filter((y) => y[t] > 0).length)
console.log(tot.map((v, t) => `${t}:${v}/${nz[t]}`).join(" "))
