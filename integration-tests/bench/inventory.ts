/**
 * `pnpm bench:inventory`: the inventory policy engine (plugin/src/lib/inventory) alone on 10,000
 * items x 3 locations, and the service levels its policies achieve when simulated on real demand
 * (../shared/data) with the plugin's own forecaster, refitted as the plugin does, lost sales when
 * out of stock: pizza (fit on 26 weeks, then 26 weeks day by day; lead time 3 days, sd 1) and
 * carparts (its last 12 months in monthly steps; lead time 1 month). Achieved cycle service level
 * against what each whole-unit s predicted, smooth and intermittent items apart; fill rate against
 * its target; average stock against the textbook policy at the same achieved level, z tuned on
 * half of the items and reported on the other half. Prints its figures, then as the very last line
 * one JSON object, also written to bench/results/inventory.json.
 *
 * `--quick`: every fourth item only (a rough look while changing the engine; never reported).
 */
import { mkdirSync, writeFileSync } from "node:fs"
import { cpus, loadavg } from "node:os"
import path from "node:path"
import { execSync } from "node:child_process"
import { dataDir, namedSeries, pizzaDaily, readCsvGz } from "./forecast/data"
import { catalogue, engineSeconds } from "./inventory/engine"
import { dailyPlanner, monthlyPlanner } from "./inventory/planners"
import { CSL_TARGETS, FILL_TARGETS, csl, fill, meanStock, predicted, predictedFill, runOurs, runTextbook, total, tuneTextbookZ, type DataSet, type TargetRun } from "./inventory/service-sim"

const quick = process.argv.includes("--quick")
const log = (s = "") => console.log(s)
const pct = (v: number) => (Number.isFinite(v) ? (100 * v).toFixed(1) : "-")
const round = (v: number, d: number) => (Number.isFinite(v) ? Math.round(v * 10 ** d) / 10 ** d : null)

const PIZZA_HORIZON = 14
const CARPARTS_HORIZON = 4

function pizza(): DataSet {
  const items = pizzaDaily().filter((_, i) => !quick || i % 4 === 0)
  return {
    name: "pizza",
    items,
    start: 182,
    end: 364,
    leadTime: { mean: 3, sd: 1 },
    textbookWindow: 56,
    planner: (item, settings, cache, l) => dailyPlanner(item.id, 182, PIZZA_HORIZON, settings, cache, l),
  }
}

function carparts(): DataSet {
  const names = new Set(readCsvGz("carparts_croston_reference_R.csv.gz").map((r) => r.series))
  const items = namedSeries("carparts.csv.gz")
    .filter((s) => names.has(s.name))
    .filter((_, i) => !quick || i % 4 === 0)
    .map((s) => ({ id: s.name, values: s.values }))
  return {
    name: "carparts",
    items,
    start: 39,
    end: 51,
    leadTime: { mean: 1, sd: 0 },
    textbookWindow: 8,
    planner: (_item, settings, cache, l) => monthlyPlanner(39, CARPARTS_HORIZON, settings, cache, l),
  }
}

type Figures = { cslGaps: number[]; fillGaps: number[]; stockRatios: number[] }

function report(ds: DataSet, cslRuns: TargetRun[], fillRuns: TargetRun[], figures: Figures) {
  log(`  cycle service level: target, then achieved / predicted by the whole-unit s (cycles)`)
  for (const run of cslRuns) {
    const parts = (["smooth", "intermittent"] as const).map((kind) => {
      const o = total(run.items.filter((r) => r.intermittent === (kind === "intermittent")))
      if (o.cycles >= 50) figures.cslGaps.push(Math.abs(csl(o) - predicted(o)) * 100)
      return `${kind} ${pct(csl(o))} / ${pct(predicted(o))} (${o.cycles})`
    })
    const all = total(run.items)
    log(`   ${pct(run.target.level).padStart(5)}%   ${parts.join("   ")}   all ${pct(csl(all))} / ${pct(predicted(all))}; fill ${pct(fill(all))}%, mean stock ${meanStock(all).toFixed(2)}`)
  }
  log(`  fill rate: target, achieved / predicted by the whole-unit s (units demanded), smooth and intermittent, cycle service level`)
  for (const run of fillRuns) {
    const o = total(run.items)
    figures.fillGaps.push(Math.abs(fill(o) - run.target.level) * 100)
    const parts = (["smooth", "intermittent"] as const).map((kind) => {
      const k = total(run.items.filter((r) => r.intermittent === (kind === "intermittent")))
      return `${kind} ${pct(fill(k))} / ${pct(predictedFill(k))}`
    })
    log(`   ${pct(run.target.level).padStart(5)}%   ${pct(fill(o))}% / ${pct(predictedFill(o))}% (${o.demand})   ${parts.join("   ")}   CSL ${pct(csl(o))}%, mean stock ${meanStock(o).toFixed(2)}`)
  }
  log(`  textbook (z x sigma of the last ${ds.textbookWindow} periods' sales x sqrt(L)), z tuned on the even items to our achieved level there, reported on the odd ones`)
  for (const run of cslRuns) {
    const tuneOurs = total(run.items.filter((r) => r.half === "tune"))
    const reportOurs = total(run.items.filter((r) => r.half === "report"))
    const z = tuneTextbookZ(ds, csl(tuneOurs))
    const tb = { tune: runTextbook(ds, z, "tune"), report: runTextbook(ds, z, "report") }
    const ratio = meanStock(reportOurs) / meanStock(tb.report)
    const byKind = (["smooth", "intermittent"] as const).map((kind) => {
      const mine = run.items.filter((r) => r.half === "report" && r.intermittent === (kind === "intermittent"))
      const theirs = runTextbook(ds, z, "report", new Set(mine.map((r) => r.id)))
      return `${kind} ${(meanStock(total(mine)) / meanStock(theirs)).toFixed(3)}`
    })
    figures.stockRatios.push(ratio)
    log(
      `   ${pct(run.target.level).padStart(5)}%   z ${z.toFixed(3)}   tuning half: ours ${pct(csl(tuneOurs))}% at stock ${meanStock(tuneOurs).toFixed(2)}, textbook ${pct(csl(tb.tune))}% at ${meanStock(tb.tune).toFixed(2)}` +
        `   reporting half: ours ${pct(csl(reportOurs))}% at ${meanStock(reportOurs).toFixed(2)}, textbook ${pct(csl(tb.report))}% at ${meanStock(tb.report).toFixed(2)}: ratio ${ratio.toFixed(3)} (${byKind.join(", ")})`
    )
  }
}

function simulate(ds: DataSet, figures: Figures) {
  log(`${ds.name}: ${ds.items.length} items, periods ${ds.start}..${ds.end - 1}, lead time ${ds.leadTime.mean} (sd ${ds.leadTime.sd}), review 1 period, lost sales`)
  const t0 = performance.now()
  const targets = [...CSL_TARGETS.map((level) => ({ kind: "cycle_service_level" as const, level })), ...FILL_TARGETS.map((level) => ({ kind: "fill_rate" as const, level }))]
  const { runs, fits, shared } = runOurs(ds, targets, log)
  log(`  ${fits} fits, ${shared} shared between targets whose histories agreed; ${((performance.now() - t0) / 1000).toFixed(0)} s`)
  const smooth = runs[0].items.filter((r) => !r.intermittent).length
  log(`  ${smooth} smooth, ${runs[0].items.length - smooth} intermittent (the forecaster's own classification at the first fit)`)
  report(ds, runs.slice(0, CSL_TARGETS.length), runs.slice(CSL_TARGETS.length), figures)
}

function commit(): string {
  try {
    return execSync("git rev-parse --short HEAD", { cwd: __dirname }).toString().trim()
  } catch {
    return "unknown"
  }
}

function main() {
  log(`Order Rhythm inventory benchmark (data: ${dataDir}; commit ${commit()}; ${cpus().length} x ${cpus()[0]?.model ?? "cpu"}; load average ${loadavg().map((v) => v.toFixed(1)).join(" ")}; ${new Date().toISOString()})${quick ? " QUICK: every fourth item" : ""}`)
  const t0 = performance.now()
  log("engine alone: 10,000 items x 3 locations (synthetic catalogue, see bench/inventory/engine.ts)")
  const inputs = catalogue(10_000)
  const engine = engineSeconds(inputs, 5)
  log(`  CPU s per full recompute (policies + top list): ${engine.cpu.map((v) => v.toFixed(3)).join(", ")}; median ${engine.seconds.toFixed(3)}; wall ${engine.wall.map((v) => v.toFixed(3)).join(", ")}`)
  const kinds = new Map<string, number>()
  for (const p of engine.policies) kinds.set(p.distribution, (kinds.get(p.distribution) ?? 0) + 1)
  log(`  distributions: ${[...kinds].map(([k, v]) => `${k} ${v}`).join(", ")}`)
  log()
  const figures: Figures = { cslGaps: [], fillGaps: [], stockRatios: [] }
  simulate(pizza(), figures)
  log()
  simulate(carparts(), figures)
  log()
  const pending = "needs the Medusa wiring (module service, stored forecasts, events), not yet built"
  log(`recompute_30k_s: null (${pending})`)
  log(`event_added_cpu_p95_ms: null (${pending})`)
  log(`total ${((performance.now() - t0) / 1000).toFixed(0)} s; load average ${loadavg().map((v) => v.toFixed(1)).join(" ")}`)
  const headline = {
    engine_30k_s: round(engine.seconds, 3),
    recompute_30k_s: null,
    event_added_cpu_p95_ms: null,
    csl_gap_pts: round(Math.max(...figures.cslGaps), 2),
    fill_rate_gap_pts: round(Math.max(...figures.fillGaps), 2),
    stock_ratio_vs_textbook: round(figures.stockRatios.reduce((a, b) => a + b, 0) / figures.stockRatios.length, 3),
    quick,
  }
  const json = JSON.stringify(headline)
  if (!quick) {
    const dir = path.join(__dirname, "results")
    mkdirSync(dir, { recursive: true })
    writeFileSync(path.join(dir, "inventory.json"), json + "\n")
  }
  console.log(json)
}

main()
