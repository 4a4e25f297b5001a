/** Exploration (validation only): interval widths of two jewelry configurations at the four training quarters. */
import { forecastSeries } from "../../../plugin/src/lib/forecast"
import { holdOut, namedSeries } from "../forecast/data"
import { FROZEN, VALIDATION_WINDOWS } from "../forecast/frozen"
const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
const series = namedSeries("jewelry.csv.gz").map((s) => holdOut(s.values, 13).train)
for (const [w, end] of Object.entries(VALIDATION_WINDOWS.jewelry)) {
  const line: string[] = [w]
  for (const m of ["window_median", "shrunk_median"]) {
    const cfg = { ...FROZEN.jewelry, candidates: [m] }
    let wid = 0, lo = 0, hi = 0, mean = 0, below = 0, above = 0, n = 0
    const models = new Set<string>()
    for (const y of series) {
      const { train, test } = holdOut(y.slice(0, y.length - end), 13)
      const f = forecastSeries(train, cfg) as any
      models.add(f.model ?? f.selected?.model ?? "?")
      const q = (p: number) => f.quantiles.find((x: any) => x.p === p).values
      const L = q(0.025), U = q(0.975)
      for (let k = 0; k < 13; k++) { wid += U[k] - L[k]; lo += f.mean[k] - L[k]; hi += U[k] - f.mean[k]; mean += f.mean[k]; if (test[k] < L[k]) below++; if (test[k] > U[k]) above++; n++ }
    }
    line.push(`${m}: mean ${(mean / n).toFixed(1)} width ${(wid / n).toFixed(1)} down ${(lo / n).toFixed(1)} up ${(hi / n).toFixed(1)} below ${(below / n).toFixed(3)} above ${(above / n).toFixed(3)} ${[...models].join(",")}`)
  }
  console.log(line.join("\n  "))
}
