import { isSeasonal, shrunkClassicalIndices, type SeasonalKind } from "../seasonality"
import type { Forecaster, ModelFamily, ModelState } from "../types"

/**
 * Wraps a non-seasonal model the way the M3 winners did: test for a season, take it out with a
 * classical decomposition (its indices shrunk toward no season by how noisy they are, see
 * `seasonalShrinkage`), forecast the adjusted series, put the season back. Multiplicative when
 * the series is strictly positive, additive when it has zeros (daily demand does).
 */
export type AdjustedState = {
  model: string
  core: ModelState
  indices: number[]
  kind: SeasonalKind
  /** phase of the next observation */
  phase: number
}

export function withSeasonalAdjustment(name: string, core: Forecaster, family: ModelFamily = "smooth"): Forecaster<AdjustedState> {
  const adjust = (s: { indices: number[]; kind: SeasonalKind }, y: number, phase: number) =>
    s.indices.length === 0 ? y : s.kind === "multiplicative" ? y / s.indices[phase] : y - s.indices[phase]
  const restore = (s: { indices: number[]; kind: SeasonalKind }, v: number, phase: number) =>
    s.indices.length === 0 ? v : s.kind === "multiplicative" ? v * s.indices[phase] : v + s.indices[phase]
  return {
    name,
    family,
    applicable: core.applicable,
    fit: (y, ctx) => {
      const m = ctx.season
      let indices: number[] = []
      let kind: SeasonalKind = "multiplicative"
      if (m > 1 && ctx.sharedProfile?.length === m && ctx.sharedProfile.every((v) => v > 0)) {
        kind = "multiplicative"
        indices = ctx.sharedProfile.slice()
      } else if (m > 1 && isSeasonal(y, m)) {
        kind = y.every((v) => v > 0) ? "multiplicative" : "additive"
        // a series' own indices carry its noise too: shrunk by how much of them is noise
        indices = shrunkClassicalIndices(y, m, kind)
      }
      const meta = { indices, kind }
      const adjusted = indices.length ? y.map((v, t) => adjust(meta, v, t % m)) : y
      return { model: name, core: core.fit(adjusted, ctx), indices, kind, phase: indices.length ? y.length % m : 0 }
    },
    update: (s, y) => {
      const m = s.indices.length
      return { model: s.model, core: core.update(s.core, adjust(s, y, s.phase)), indices: s.indices, kind: s.kind, phase: m ? (s.phase + 1) % m : 0 }
    },
    predict: (s, h) => {
      const m = s.indices.length
      return core.predict(s.core, h).map((v, k) => restore(s, v, m ? (s.phase + k) % m : 0))
    },
  }
}
