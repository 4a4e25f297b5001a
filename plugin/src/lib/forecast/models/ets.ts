import { nelderMead } from "../optimize"
import { mean } from "../stats"
import type { FitContext, Forecaster } from "../types"

/**
 * Exponential smoothing in its additive-error state-space form (Hyndman et al. 2008): level,
 * optional (damped) trend, optional additive season. Written by hand rather than taken from
 * augurs because it is a few dozen lines, needs the seasonal variant augurs lacks, fits in well
 * under a millisecond and exposes its state for the O(1) update.
 */
export type EtsSpec = { trend: "N" | "A" | "Ad"; season: "N" | "A" }

export type EtsState = {
  model: string
  spec: EtsSpec
  alpha: number
  beta: number
  gamma: number
  phi: number
  level: number
  slope: number
  /** seasonal terms, `seasonal[phase]` applies to the next observation */
  seasonal: number[]
  phase: number
}

type Params = { alpha: number; beta: number; gamma: number; phi: number; l0: number; b0: number }

function filter(y: readonly number[], spec: EtsSpec, p: Params, s0: readonly number[]) {
  const m = s0.length
  const seasonal = s0.slice()
  const alpha = p.alpha
  const beta = spec.trend === "N" ? 0 : p.beta
  const gamma = p.gamma
  const phi = spec.trend === "Ad" ? p.phi : 1
  let level = p.l0
  let slope = spec.trend === "N" ? 0 : p.b0
  let sse = 0
  let phase = 0
  const n = y.length
  // the loss is evaluated a few hundred times per fit: keep this loop free of branches on spec
  if (m === 0) {
    for (let t = 0; t < n; t++) {
      const base = level + phi * slope
      const e = y[t] - base
      sse += e * e
      level = base + alpha * e
      slope = phi * slope + beta * e
    }
  } else {
    for (let t = 0; t < n; t++) {
      const s = seasonal[phase]
      const base = level + phi * slope
      const e = y[t] - (base + s)
      sse += e * e
      level = base + alpha * e
      slope = phi * slope + beta * e
      seasonal[phase] = s + gamma * e
      phase = phase + 1 === m ? 0 : phase + 1
    }
  }
  return { sse, level, slope, seasonal, phase }
}

function initialStates(y: readonly number[], spec: EtsSpec, m: number) {
  if (spec.season === "A") {
    const l0 = mean(y, 0, m)
    const l1 = y.length >= 2 * m ? mean(y, m, 2 * m) : l0
    const seasons = Math.min(Math.floor(y.length / m), 4)
    const s0 = new Array(m).fill(0)
    for (let k = 0; k < seasons; k++) {
      const mk = mean(y, k * m, (k + 1) * m)
      for (let i = 0; i < m; i++) s0[i] += (y[k * m + i] - mk) / seasons
    }
    return { l0, b0: (l1 - l0) / m, s0 }
  }
  const k = Math.min(y.length, 10)
  if (spec.trend === "N") return { l0: mean(y, 0, Math.min(y.length, 5)), b0: 0, s0: [] as number[] }
  // a line through the first few points, as R's ets starts its trend
  const head = y.slice(0, k)
  const tBar = (k - 1) / 2
  const yBar = mean(head)
  let num = 0
  let den = 0
  for (let t = 0; t < k; t++) {
    num += (t - tBar) * (head[t] - yBar)
    den += (t - tBar) ** 2
  }
  const b0 = den > 0 ? num / den : 0
  return { l0: yBar - b0 * tBar, b0, s0: [] as number[] }
}

const SHORT = 200

export function fitEts(name: string, spec: EtsSpec, y: readonly number[], ctx: FitContext): EtsState {
  const m = spec.season === "A" ? ctx.season : 0
  const init = initialStates(y, spec, m)
  // On long series the start washes out; on short ones (M3 has 48) it must be estimated too.
  const fitStart = y.length <= SHORT && spec.season === "N"
  const scale = Math.max(1e-8, mean(y.map((v) => Math.abs(v))))
  const names: (keyof Params)[] = ["alpha"]
  if (spec.trend !== "N") names.push("beta")
  if (spec.trend === "Ad") names.push("phi")
  if (spec.season === "A") names.push("gamma")
  if (fitStart) {
    names.push("l0")
    if (spec.trend !== "N") names.push("b0")
  }
  const start: Params = { alpha: 0.2, beta: 0.02, gamma: 0.05, phi: 0.95, l0: init.l0, b0: init.b0 }
  const unpack = (x: number[]): Params => {
    const p = { ...start }
    names.forEach((k, i) => (p[k] = x[i]))
    return p
  }
  const loss = (x: number[]) => {
    const p = unpack(x)
    if (p.alpha < 1e-4 || p.alpha > 0.9999) return Infinity
    if (spec.trend !== "N" && (p.beta < 1e-4 || p.beta > p.alpha)) return Infinity
    if (spec.trend === "Ad" && (p.phi < 0.8 || p.phi > 0.98)) return Infinity
    if (spec.season === "A" && (p.gamma < 1e-4 || p.gamma > 1 - p.alpha)) return Infinity
    return filter(y, spec, p, init.s0).sse
  }
  const x0 = names.map((k) => start[k])
  const step = names.map((k) => (k === "l0" || k === "b0" ? 0.1 * scale : k === "phi" ? 0.02 : k === "alpha" ? 0.15 : 0.01))
  const best = y.length > 1 ? nelderMead(loss, x0, { step, maxEvals: 30 + 30 * names.length, tol: 1e-5 }).x : x0
  const p = unpack(best)
  const end = filter(y, spec, p, init.s0)
  return {
    model: name,
    spec,
    alpha: p.alpha,
    beta: p.beta,
    gamma: p.gamma,
    phi: spec.trend === "Ad" ? p.phi : 1,
    level: end.level,
    slope: end.slope,
    seasonal: end.seasonal,
    phase: end.phase,
  }
}

export function updateEts(s: EtsState, y: number): EtsState {
  const m = s.seasonal.length
  const sea = m ? s.seasonal[s.phase] : 0
  const base = s.level + s.phi * s.slope
  const e = y - (base + sea)
  let seasonal = s.seasonal
  if (m) {
    seasonal = s.seasonal.slice()
    seasonal[s.phase] = sea + s.gamma * e
  }
  // an explicit literal (not a spread) keeps one object shape: this runs once per variant per day
  return {
    model: s.model,
    spec: s.spec,
    alpha: s.alpha,
    beta: s.beta,
    gamma: s.gamma,
    phi: s.phi,
    level: base + s.alpha * e,
    slope: s.spec.trend === "N" ? s.slope : s.phi * s.slope + s.beta * e,
    seasonal,
    phase: m ? (s.phase + 1) % m : s.phase,
  }
}

export function predictEts(s: EtsState, h: number): number[] {
  const out: number[] = []
  const m = s.seasonal.length
  let damp = 0
  let phiK = 1
  for (let k = 1; k <= h; k++) {
    phiK *= s.phi
    damp += s.spec.trend === "N" ? 0 : phiK
    out.push(s.level + damp * s.slope + (m ? s.seasonal[(s.phase + k - 1) % m] : 0))
  }
  return out
}

function etsForecaster(name: string, spec: EtsSpec): Forecaster<EtsState> {
  return {
    name,
    family: spec.season === "A" ? "seasonal" : "smooth",
    applicable: spec.season === "A" ? (n, ctx) => ctx.season > 1 && n >= 2 * ctx.season + 2 : (n) => n >= 3,
    fit: (y, ctx) => fitEts(name, spec, y, ctx),
    update: updateEts,
    predict: predictEts,
  }
}

/** The non-seasonal cores; the zoo wraps them in a seasonal adjustment where the series has one. */
export const sesCore = etsForecaster("ses", { trend: "N", season: "N" })
export const dampedCore = etsForecaster("damped", { trend: "Ad", season: "N" })
/** ETS(A,N,A): level plus an additive season, which copes with the zeros of daily demand. */
export const etsSeasonal = etsForecaster("ets_seasonal", { trend: "N", season: "A" })
