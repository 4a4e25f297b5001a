/**
 * `pnpm forecast:eval --data FILE --horizon H --season S [--year P] [--format long|wide]`: point
 * the engine at your own history and see how it would have done. Holds out the last H points of
 * each series (or its `test` split), forecasts them from the rest with the shipped configuration
 * (the plugin's: `shippedConfig`, the file's series forecast together so their error quantiles
 * pool, as a store's variants do), and prints sMAPE, MASE, RMSSE, bias, 95% interval coverage and
 * MSIS per model family and overall, next to naive and seasonal naive from the same run. `--year P`
 * (periods in a year: 365 for daily data) adds the yearly season to series of two years or more,
 * as the plugin does; an `in_stock` column (long format) censors stock-out days as the plugin does.
 * The last stdout line is one JSON object for scripts.
 */
import { readFileSync } from "node:fs"
import path from "node:path"
import { gunzipSync } from "node:zlib"
import { bias, coverage, forecastMany, mase, msis, naiveInterval, parseSeriesCsv, rmsse, SeriesCsvError, shippedConfig, smape, type ParsedSeries } from "../lib/forecast"

export type EvalOptions = { data: string; horizon?: number; season: number; year?: number; format: "long" | "wide" }

export class UsageError extends Error {}

const USAGE = "usage: forecast-eval --data FILE --horizon H --season S [--year P] [--format long|wide]"

export function parseArgs(argv: readonly string[]): EvalOptions {
  const opts: Partial<EvalOptions> & { season: number; format: "long" | "wide" } = { season: 1, format: "long" }
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]
    const value = argv[i + 1]
    const need = () => {
      if (value === undefined || value.startsWith("--")) throw new UsageError(`${flag} needs a value\n${USAGE}`)
      i++
      return value
    }
    const positive = (name: string, v: string) => {
      const n = Number(v)
      if (!Number.isInteger(n) || n < 1) throw new UsageError(`${name} must be a whole number >= 1, got "${v}"`)
      return n
    }
    if (flag === "--data") opts.data = need()
    else if (flag === "--horizon") opts.horizon = positive("--horizon", need())
    else if (flag === "--season") opts.season = positive("--season", need())
    else if (flag === "--year") opts.year = positive("--year", need())
    else if (flag === "--format") {
      const f = need()
      if (f !== "long" && f !== "wide") throw new UsageError(`--format must be long or wide, got "${f}"`)
      opts.format = f
    } else if (flag === "--help" || flag === "-h") throw new UsageError(USAGE)
    else throw new UsageError(`unknown argument "${flag}"\n${USAGE}`)
  }
  if (!opts.data) throw new UsageError(`--data is required\n${USAGE}`)
  return opts as EvalOptions
}

export function readText(file: string): string {
  // `pnpm forecast:eval` runs in the plugin's folder; a relative path means where the user typed it
  const bytes = readFileSync(path.resolve(process.env.INIT_CWD ?? process.cwd(), file))
  // gzip by its magic bytes, not its name: people rename files
  return (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString("utf8")
}

type Row = { smape: number; mase: number; rmsse: number; bias: number; coverage95: number; msis: number; naiveMase: number; snaiveMase: number; naiveMsis: number }

type Parts = { train: number[]; test: number[]; inStock?: (boolean | null)[] }

function splitSeries(s: ParsedSeries, horizon: number | undefined): Parts | null {
  if (s.split?.includes("test")) {
    const train = s.values.filter((_, i) => s.split![i] === "train")
    const test = s.values.filter((_, i) => s.split![i] === "test")
    const inStock = s.inStock?.filter((_, i) => s.split![i] === "train")
    return { train, test: horizon ? test.slice(0, horizon) : test, inStock }
  }
  if (!horizon) return null
  return { train: s.values.slice(0, -horizon), test: s.values.slice(-horizon), inStock: s.inStock?.slice(0, -horizon) }
}

const avg = (xs: number[]) => {
  const ok = xs.filter(Number.isFinite)
  return ok.length ? ok.reduce((a, b) => a + b, 0) / ok.length : NaN
}

export function evaluate(series: ParsedSeries[], opts: Pick<EvalOptions, "horizon" | "season" | "year">) {
  const rows: (Row & { family: string; model: string })[] = []
  let skipped = 0
  const usable: Parts[] = []
  for (const s of series) {
    const parts = splitSeries(s, opts.horizon)
    if (!parts) throw new UsageError(`series "${s.id}" has no test split: give --horizon`)
    if (parts.train.length < 3 || parts.test.length === 0) skipped++
    else usable.push(parts)
  }
  const forecasts = forecastMany(
    usable.map(({ train, test, inStock }) => ({
      values: train,
      config: { ...shippedConfig({ horizon: test.length, season: opts.season, periodsPerYear: opts.year, length: train.length }), inStock, nonNegative: train.every((v) => v >= 0) },
    }))
  )
  usable.forEach(({ train, test }, i) => {
    const f = forecasts[i]
    const h = test.length
    const lag = opts.season > 1 && train.length > opts.season ? opts.season : 1
    const lo = f.quantiles.find((q) => q.p === 0.025)!.values
    const hi = f.quantiles.find((q) => q.p === 0.975)!.values
    const naiveF = new Array(h).fill(train[train.length - 1])
    const snaiveF = test.map((_, k) => train[train.length - lag + (k % lag)])
    const ni = naiveInterval(train, h)
    const scale = avg(test.map(Math.abs))
    rows.push({
      family: f.family,
      model: f.model,
      smape: smape(test, f.mean),
      mase: mase(test, f.mean, train, lag),
      rmsse: rmsse(test, f.mean, train, lag),
      bias: scale > 0 ? bias(test, f.mean) / scale : 0,
      coverage95: coverage(test, lo, hi),
      msis: msis(test, lo, hi, train, lag),
      naiveMase: mase(test, naiveF, train, lag),
      snaiveMase: mase(test, snaiveF, train, lag),
      naiveMsis: msis(test, ni.lower, ni.upper, train, lag),
    })
  })
  const summarise = (rs: Row[]) => ({
    series: rs.length,
    smape: avg(rs.map((r) => r.smape)),
    mase: avg(rs.map((r) => r.mase)),
    rmsse: avg(rs.map((r) => r.rmsse)),
    bias: avg(rs.map((r) => r.bias)),
    coverage95: avg(rs.map((r) => r.coverage95)),
    msis: avg(rs.map((r) => r.msis)),
    naive_msis: avg(rs.map((r) => r.naiveMsis)),
    naive_mase: avg(rs.map((r) => r.naiveMase)),
    snaive_mase: avg(rs.map((r) => r.snaiveMase)),
  })
  const families = [...new Set(rows.map((r) => r.family))].sort()
  const models: Record<string, number> = {}
  for (const r of rows) models[r.model] = (models[r.model] ?? 0) + 1
  return { overall: summarise(rows), byFamily: families.map((fam) => ({ family: fam, ...summarise(rows.filter((r) => r.family === fam)) })), models, skipped }
}

const fmt = (v: number, d = 3) => (Number.isFinite(v) ? v.toFixed(d) : "-")

export function report(result: ReturnType<typeof evaluate>, out: (line: string) => void) {
  const head = ["family", "series", "sMAPE", "MASE", "RMSSE", "bias", "cov95", "MSIS", "naive MASE", "snaive MASE", "naive MSIS"]
  const line = (cells: string[]) => out(cells.map((c, i) => (i === 0 ? c.padEnd(14) : c.padStart(12))).join(""))
  line(head)
  for (const r of [...result.byFamily, { family: "overall", ...result.overall }]) {
    line([r.family, String(r.series), fmt(r.smape, 2), fmt(r.mase), fmt(r.rmsse), fmt(r.bias), fmt(r.coverage95), fmt(r.msis, 2), fmt(r.naive_mase), fmt(r.snaive_mase), fmt(r.naive_msis, 2)])
  }
  out(`models chosen: ${Object.entries(result.models).map(([m, n]) => `${m} ${n}`).join(", ")}${result.skipped ? `; skipped ${result.skipped} series too short` : ""}`)
  const o = result.overall
  out(JSON.stringify({ smape: o.smape, mase: o.mase, rmsse: o.rmsse, coverage95: o.coverage95, msis: o.msis, naive_mase: o.naive_mase, snaive_mase: o.snaive_mase, naive_msis: o.naive_msis, series: o.series }))
}

export function main(argv: readonly string[], out: (line: string) => void = console.log, err: (line: string) => void = console.error): number {
  try {
    const opts = parseArgs(argv)
    let text: string
    try {
      text = readText(opts.data)
    } catch (e) {
      err(`forecast-eval: cannot read ${opts.data}: ${(e as Error).message}`)
      return 2
    }
    const series = parseSeriesCsv(text, opts.format)
    if (series.length === 0) throw new SeriesCsvError(1, "no series in the file")
    report(evaluate(series, opts), out)
    return 0
  } catch (e) {
    if (e instanceof SeriesCsvError) {
      err(`forecast-eval: ${argv[argv.indexOf("--data") + 1]} ${e.message}`)
      return 2
    }
    if (e instanceof UsageError) {
      err(`forecast-eval: ${e.message}`)
      return 2
    }
    throw e
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2))
