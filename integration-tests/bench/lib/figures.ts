import { mkdirSync, writeFileSync } from "node:fs"
import path from "node:path"

/** Where every bench writes its headline figures (DESIGN.md: `bench/results/<name>.json`). */
export const RESULTS = path.join(__dirname, "..", "results")

/** Nearest-rank percentile (p in 0..100) of unsorted values; NaN when there are none. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN
}

/** The median of the finite values (the mean of the middle two for an even count); NaN when there are none. */
export function median(values: number[]): number {
  const s = values.filter(Number.isFinite).sort((a, b) => a - b)
  if (!s.length) return NaN
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

/** Writes the headline figures and prints them as the run's very last line. */
export function publishFigures(name: string, figures: Record<string, unknown>, log: (line: string) => void = console.log) {
  const json = JSON.stringify(figures)
  mkdirSync(RESULTS, { recursive: true })
  writeFileSync(path.join(RESULTS, `${name}.json`), json + "\n")
  log(json)
}

/** Runs a bench's main and exits with its outcome (forked helpers would otherwise keep it alive). */
export function runBench(main: () => Promise<void>) {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error?.stack ?? error)
      process.exit(1)
    }
  )
}
