import { classicalIndices, fourierIndices } from "../seasonality"
import type { Forecaster } from "../types"
import { fitEts, predictEts, updateEts, type EtsState } from "./ets"

/**
 * Multiple seasonal decomposition, then exponential smoothing of what is left (the MSTL recipe):
 * the week from a classical decomposition, each longer season (a year of days) from a few Fourier
 * harmonics, because two years give only two noisy values per day of the year. Additive
 * throughout, as daily demand has zeros.
 */
export type MstlState = {
  model: "mstl"
  /** one additive profile per season, indexed by t mod its length */
  profiles: number[][]
  /** index of the next observation since the start of the series */
  t: number
  core: EtsState
}

const HARMONICS = 4

function seasonalAt(profiles: number[][], t: number): number {
  let s = 0
  for (const p of profiles) s += p[t % p.length]
  return s
}

export const mstl: Forecaster<MstlState> = {
  name: "mstl",
  family: "seasonal",
  applicable: (n, ctx) => ctx.season > 1 && n >= 2 * ctx.season + 2,
  fit: (y, ctx) => {
    const profiles: number[][] = []
    let rest = y.slice()
    const periods = [ctx.season, ...(ctx.extraSeasons ?? [])].filter((p) => p > 1 && y.length >= 2 * p)
    for (const p of periods) {
      const profile = p <= 52 ? classicalIndices(rest, p, "additive") : fourierIndices(rest, p, HARMONICS)
      profiles.push(profile)
      rest = rest.map((v, t) => v - profile[t % p])
    }
    return { model: "mstl", profiles, t: y.length, core: fitEts("ses", { trend: "N", season: "N" }, rest, ctx) }
  },
  update: (s, y) => ({ ...s, core: updateEts(s.core, y - seasonalAt(s.profiles, s.t)), t: s.t + 1 }),
  predict: (s, h) => predictEts(s.core, h).map((v, k) => v + seasonalAt(s.profiles, s.t + k)),
}
