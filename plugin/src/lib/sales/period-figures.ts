import type { Adjustment } from "./adjustment"
import { attainment, teamFigures } from "./attainment"
import { creditedInPeriod, emptyCredited } from "./credit"
import { expectedShare, type DemandCurve } from "./demand-curve"
import { leaderboard, type LeaderboardRow } from "./leaderboard"
import { pacing, type Pacing, type PacingOptions } from "./pacing"
import { planFor, type PlanAssignment, type PlanVersion } from "./pay-plan"
import { localDateAt, localMidnight, nextDate, periodEdges, type Period } from "./period"
import { prorationFactor, prorationFor, type Proration } from "./proration"
import { statementFor, type Statement } from "./statement"
import type { StatementLine } from "./statement-line"
import { measureOf, type Credited, type Metric, type RepDay, type Reversal, type SalesRep, type SalesTeam, type Target } from "./types"
import { nextTierWhatIf, type WhatIf } from "./what-if"
import { toNumber } from "./exact-ratio"

/**
 * One period's figures for everyone, from the per-rep-day aggregates: credited figures,
 * attainment and pacing per rep and team, each rep's statement under their plan version and
 * what reaches their next tier, and the leaderboard. This is what an order recomputes.
 */
export type PeriodFiguresInput = {
  period: Period
  /** the instant the figures are for */
  nowMs: number
  reps: readonly SalesRep[]
  teams: readonly SalesTeam[]
  /** targets of this period */
  targets: readonly Target[]
  plans: ReadonlyMap<string, PlanVersion>
  assignments: readonly PlanAssignment[]
  days: readonly RepDay[]
  reversals: readonly Reversal[]
  curve: DemandCurve
  adjustments?: readonly Adjustment[]
  /** clawbacks of closed periods that land in this one, per rep (clawback.ts) */
  clawbacks?: ReadonlyMap<string, StatementLine[]>
  pacing?: PacingOptions
  /** clawback window for reps without a plan; every reversal counts by default */
  defaultWindowDays?: number
}

export type MetricStanding = { metric: Metric; value: number; target: number; proratedTarget: number; attainment: number | null; pacing: Pacing }

export type RepFigures = {
  repId: string
  name: string
  teamId: string | null
  credited: Credited
  proration: Proration
  /** the share of the rep's active days' demand expected by now */
  expectedShare: number
  /** one per target the rep has; the first is the plan's metric (or credited revenue) */
  standings: MetricStanding[]
  statement: Statement | null
  whatIf: WhatIf | null
}

export type TeamStanding = {
  teamId: string
  repIds: string[]
  revenue: number
  orders: number
  units: number
  newCustomers: number
  standings: MetricStanding[]
}

export type PeriodFigures = {
  periodId: string
  asOf: string
  expectedShare: number
  reps: RepFigures[]
  teams: TeamStanding[]
  leaderboard: LeaderboardRow[]
}

export function periodFigures(input: PeriodFiguresInput): PeriodFigures {
  const { period, nowMs, curve } = input
  const asOf = localDateAt(nowMs, period.timezone)
  const assignmentsBy = new Map<string, PlanAssignment[]>()
  for (const a of input.assignments) assignmentsBy.set(a.repId, [...(assignmentsBy.get(a.repId) ?? []), a])
  const planByRep = new Map<string, PlanVersion | null>()
  for (const r of input.reps) planByRep.set(r.id, planFor(r.id, period, assignmentsBy.get(r.id) ?? [], input.plans))
  const fallbackWindow = input.defaultWindowDays ?? Infinity
  const credited = creditedInPeriod(input.days, input.reversals, period, {
    asOf,
    windowDays: (repId) => planByRep.get(repId)?.clawback.windowDays ?? fallbackWindow,
  })
  const targetsBy = new Map<string, Target[]>()
  for (const t of input.targets) {
    const key = t.subject.kind === "rep" ? `rep:${t.subject.repId}` : `team:${t.subject.teamId}`
    targetsBy.set(key, [...(targetsBy.get(key) ?? []), t])
  }
  const adjustmentsBy = new Map<string, Adjustment[]>()
  for (const a of input.adjustments ?? []) if (a.periodId === period.id) adjustmentsBy.set(a.repId, [...(adjustmentsBy.get(a.repId) ?? []), a])

  const edges = periodEdges(period)
  const periodShare = expectedShare(curve, nowMs)
  const reps: RepFigures[] = input.reps.map((rep) => {
    const c = credited.get(rep.id) ?? emptyCredited()
    const plan = planByRep.get(rep.id) ?? null
    const proration = prorationFor(period, rep.activeFrom, rep.activeTo)
    const factor = toNumber(prorationFactor(proration))
    const fromMs = rep.activeFrom && rep.activeFrom > period.start ? localMidnight(rep.activeFrom, period.timezone) : edges.startMs
    const toMs = rep.activeTo && rep.activeTo < period.end ? localMidnight(nextDate(rep.activeTo), period.timezone) : edges.endMs
    const share = proration.activeDays > 0 ? expectedShare(curve, nowMs, fromMs, toMs) : 0
    const targets = [...(targetsBy.get(`rep:${rep.id}`) ?? [])]
    const lead = plan?.metric ?? "credited_revenue"
    targets.sort((a, b) => (a.metric === lead ? -1 : b.metric === lead ? 1 : 0))
    const standings = targets.map((t) => standing(t.metric, measureOf(c, t.metric), t.value, factor, share, input.pacing))
    const planTarget = plan ? targets.find((t) => t.metric === plan.metric)?.value ?? null : null
    const statement = plan
      ? statementFor({ repId: rep.id, period, plan, target: planTarget, credited: c, proration, clawbacks: input.clawbacks?.get(rep.id), adjustments: adjustmentsBy.get(rep.id) })
      : null
    const whatIf = plan ? nextTierWhatIf(plan, c, planTarget, proration) : null
    return { repId: rep.id, name: rep.name, teamId: rep.teamId ?? null, credited: c, proration, expectedShare: share, standings, statement, whatIf }
  })

  const teams: TeamStanding[] = teamFigures(input.teams, input.reps, credited).map((f) => ({
    ...f,
    standings: (targetsBy.get(`team:${f.teamId}`) ?? []).map((t) => standing(t.metric, measureOf(f, t.metric), t.value, 1, periodShare, input.pacing)),
  }))

  const board = leaderboard(
    reps.map((r) => {
      const s = r.standings[0]
      return {
        repId: r.repId,
        name: r.name,
        teamId: r.teamId,
        value: s?.value ?? measureOf(r.credited, "credited_revenue"),
        target: s?.proratedTarget ?? null,
        attainment: s?.attainment ?? null,
        pace: s?.pacing.status ?? null,
        projectedAttainment: s?.pacing.projectedAttainment ?? null,
      }
    })
  )
  return { periodId: period.id, asOf, expectedShare: periodShare, reps, teams, leaderboard: board }
}

function standing(metric: Metric, value: number, target: number, factor: number, share: number, options?: PacingOptions): MetricStanding {
  const proratedTarget = target * factor
  return { metric, value, target, proratedTarget, attainment: attainment(value, proratedTarget).attainment, pacing: pacing(value, proratedTarget, share, options) }
}
