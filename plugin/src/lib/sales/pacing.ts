/**
 * Pacing: actual against what the store's demand curve says should be in by now (target x the
 * share of the period's demand expected so far), and where that pace ends the period
 * (projected attainment = attainment / expected share). On track when it ends at or above the
 * target, at risk when it ends within `atRiskFrom` of it, off track below.
 */
export type PaceStatus = "on_track" | "at_risk" | "off_track"

export type Pacing = {
  expectedShare: number
  /** what the target expects by now, in the metric's units */
  expectedByNow: number
  /** attainment at the period's end at this pace; null before any demand is expected */
  projectedAttainment: number | null
  status: PaceStatus
}

export type PacingOptions = {
  /** projected attainment from which a miss is only "at risk"; 0.9 by default */
  atRiskFrom?: number
}

export function pacing(actual: number, target: number, expectedShare: number, options: PacingOptions = {}): Pacing {
  const atRiskFrom = options.atRiskFrom ?? 0.9
  const expectedByNow = target * expectedShare
  if (!(target > 0) || expectedShare <= 0) return { expectedShare, expectedByNow, projectedAttainment: null, status: "on_track" }
  const projectedAttainment = actual / expectedByNow
  const status: PaceStatus = projectedAttainment >= 1 ? "on_track" : projectedAttainment >= atRiskFrom ? "at_risk" : "off_track"
  return { expectedShare, expectedByNow, projectedAttainment, status }
}
