/**
 * One data set's figures for a set of train/test parts, all from the shipped configuration: the
 * engine's forecast with its pooled error quantiles (as the plugin forecasts a store's variants
 * together), and naive and seasonal naive from the same parts. MASE and MSIS are on the in-sample
 * seasonal-naive scale (the CLI's); naive's interval comes from its own empirical errors.
 */
import { coverage, forecastMany, mase, msis, naiveInterval, naiveScale, pinball, QUANTILE_LEVELS, rmsse, smape, type ForecastConfig } from "../../../plugin/src/lib/forecast"

export type Part = { train: number[]; test: number[] }

export type SetScore = {
  series: number
  smape: number
  mase: number
  naive_mase: number
  snaive_mase: number
  coverage95: number
  coverage80: number
  msis: number
  msis_naive: number
  /** RMSSE of the mean, and of naive and seasonal naive (squared errors: what an intermittent series is judged by) */
  rmsse: number
  naive_rmsse: number
  snaive_rmsse: number
  /** pinball loss of the daily demand quantiles, mean over QUANTILE_LEVELS, on the in-sample seasonal-naive scale */
  pinball: number
  /** share of series whose MASE is below naive's */
  beats_naive: number
  models: Record<string, number>
}

const avg = (xs: number[]) => {
  const ok = xs.filter(Number.isFinite)
  return ok.length ? ok.reduce((a, b) => a + b, 0) / ok.length : NaN
}

const band = (f: { quantiles: { p: number; values: number[] }[] }, p: number) => f.quantiles.find((q) => Math.abs(q.p - p) < 1e-9)!.values

export function scoreParts(parts: readonly Part[], config: ForecastConfig): SetScore {
  const forecasts = forecastMany(parts.map((p) => ({ values: p.train, config: { ...config, levels: [80, 95] } })))
  const models: Record<string, number> = {}
  const rows = parts.map(({ train, test }, i) => {
    const f = forecasts[i]
    const h = test.length
    const lag = config.season > 1 && train.length > config.season ? config.season : 1
    const mean = f.mean.slice(0, h)
    const naiveF = test.map(() => train[train.length - 1])
    const snaiveF = test.map((_, k) => train[train.length - lag + (k % lag)])
    const ni = naiveInterval(train, h)
    const name = f.model === "combination" ? "combination" : f.model
    models[name] = (models[name] ?? 0) + 1
    return {
      smape: smape(test, mean),
      mase: mase(test, mean, train, lag),
      naive: mase(test, naiveF, train, lag),
      snaive: mase(test, snaiveF, train, lag),
      cov95: coverage(test, band(f, 0.025), band(f, 0.975)),
      cov80: coverage(test, band(f, 0.1), band(f, 0.9)),
      msis: msis(test, band(f, 0.025).slice(0, h), band(f, 0.975).slice(0, h), train, lag),
      msisNaive: msis(test, ni.lower, ni.upper, train, lag),
      rmsse: rmsse(test, mean, train, lag),
      naiveRmsse: rmsse(test, naiveF, train, lag),
      snaiveRmsse: rmsse(test, snaiveF, train, lag),
      pinball: QUANTILE_LEVELS.reduce((sum, p, j) => sum + pinball(test, test.map((_, k) => f.demand.daily[k][j]), p), 0) / QUANTILE_LEVELS.length / naiveScale(train, lag),
    }
  })
  return {
    series: rows.length,
    smape: avg(rows.map((r) => r.smape)),
    mase: avg(rows.map((r) => r.mase)),
    naive_mase: avg(rows.map((r) => r.naive)),
    snaive_mase: avg(rows.map((r) => r.snaive)),
    coverage95: avg(rows.map((r) => r.cov95)),
    coverage80: avg(rows.map((r) => r.cov80)),
    msis: avg(rows.map((r) => r.msis)),
    msis_naive: avg(rows.map((r) => r.msisNaive)),
    rmsse: avg(rows.map((r) => r.rmsse)),
    naive_rmsse: avg(rows.map((r) => r.naiveRmsse)),
    snaive_rmsse: avg(rows.map((r) => r.snaiveRmsse)),
    pinball: avg(rows.map((r) => r.pinball)),
    beats_naive: avg(rows.map((r) => (r.mase < r.naive ? 1 : 0))),
    models,
  }
}

/** The mean of several windows' figures (validation: rolling origins cut from training data). */
export function meanScore(scores: readonly SetScore[]): SetScore {
  const keys = ["series", "smape", "mase", "naive_mase", "snaive_mase", "coverage95", "coverage80", "msis", "msis_naive", "rmsse", "naive_rmsse", "snaive_rmsse", "pinball", "beats_naive"] as const
  const out = Object.fromEntries(keys.map((k) => [k, avg(scores.map((s) => s[k]))])) as Omit<SetScore, "models">
  const models: Record<string, number> = {}
  for (const s of scores) for (const [m, n] of Object.entries(s.models)) models[m] = (models[m] ?? 0) + n
  return { ...out, models }
}
