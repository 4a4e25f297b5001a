import { earningsTotal } from "./earnings"
import { add, cmp, mul, ratio, ZERO, type Ratio } from "./exact-ratio"
import type { PlanAssignment, PlanVersion, Tier } from "./pay-plan"
import { periodsOverlap, type Period } from "./period"
import { formatMinor } from "./rounding"
import type { Share } from "./split"
import type { SalesRep, Target } from "./types"

/**
 * The rules a sales set-up must keep, as pure checks. Each refusal names the field it is about
 * (paths like `tiers[1].from`), so a route can answer 400 with it as it stands.
 */
export type Refusal = { field: string; message: string }

const subjectKey = (t: Target) => (t.subject.kind === "rep" ? `rep:${t.subject.repId}` : `team:${t.subject.teamId}`)
const subjectName = (t: Target) => (t.subject.kind === "rep" ? `rep ${t.subject.repId}` : `team ${t.subject.teamId}`)

/**
 * Two targets for one rep (or team) and one metric may not share a day; a target's rep or team
 * must exist when the lists are given.
 */
export function validateTargets(
  targets: readonly Target[],
  periods: ReadonlyMap<string, Pick<Period, "start" | "end">>,
  known: { reps?: readonly Pick<SalesRep, "id">[]; teamIds?: readonly string[] } = {}
): Refusal[] {
  const out: Refusal[] = []
  targets.forEach((t, i) => {
    if (t.subject.kind === "rep" && known.reps) out.push(...validateRepKnown(`targets[${i}].subject.repId`, t.subject.repId, known.reps))
    if (t.subject.kind === "team" && known.teamIds && !known.teamIds.includes(t.subject.teamId)) out.push({ field: `targets[${i}].subject.teamId`, message: `unknown team ${t.subject.teamId}` })
    const p = periods.get(t.periodId)
    if (!p) return out.push({ field: `targets[${i}].periodId`, message: `unknown period ${t.periodId}` })
    if (!(t.value > 0)) out.push({ field: `targets[${i}].value`, message: `a target must be above 0, got ${t.value}` })
    for (let j = 0; j < i; j++) {
      const o = targets[j]
      const q = periods.get(o.periodId)
      if (q && subjectKey(o) === subjectKey(t) && o.metric === t.metric && periodsOverlap(p, q)) {
        out.push({ field: `targets[${i}].periodId`, message: `${subjectName(t)} already has a ${t.metric} target for ${q.start}..${q.end} (${o.id}), which overlaps ${p.start}..${p.end}` })
      }
    }
  })
  return out
}

/** Tiers from 0% up, each ending where the next starts, the last one open. */
export function validateTiers(tiers: readonly Tier[]): Refusal[] {
  if (!tiers.length) return [{ field: "tiers", message: "a plan needs at least one tier" }]
  const out: Refusal[] = []
  const list = tiers.map((t, i) => ({ i, from: safe(t.from), to: t.to === null ? null : safe(t.to), rate: safe(t.rate) }))
  for (const t of list) {
    if (!t.from) out.push({ field: `tiers[${t.i}].from`, message: `not a number: ${tiers[t.i].from}` })
    if (t.to === undefined) out.push({ field: `tiers[${t.i}].to`, message: `not a number: ${tiers[t.i].to}` })
    if (!t.rate || t.rate.n < 0n) out.push({ field: `tiers[${t.i}].rate`, message: `a rate must be 0 or more, got ${tiers[t.i].rate}` })
  }
  if (out.length) return out
  const sorted = [...list].sort((a, b) => cmp(a.from!, b.from!))
  if (cmp(sorted[0].from!, ZERO) !== 0) out.push({ field: `tiers[${sorted[0].i}].from`, message: `the first tier must start at 0 (a tier at rate 0 pays nothing below a threshold), got ${tiers[sorted[0].i].from}` })
  sorted.forEach((t, k) => {
    if (t.to && cmp(t.to, t.from!) <= 0) out.push({ field: `tiers[${t.i}].to`, message: `tier ends at ${tiers[t.i].to}, not above where it starts (${tiers[t.i].from})` })
    const next = sorted[k + 1]
    if (!next) return
    if (t.to === null) {
      out.push({ field: `tiers[${t.i}].to`, message: `only the last tier may be open, and tier ${next.i + 1} starts at ${tiers[next.i].from}: they overlap` })
      return
    }
    const c = cmp(t.to!, next.from!)
    if (c > 0) out.push({ field: `tiers[${next.i}].from`, message: `starts at ${tiers[next.i].from}, inside the tier before it (${tiers[t.i].from}..${tiers[t.i].to}): tiers overlap` })
    if (c < 0) out.push({ field: `tiers[${next.i}].from`, message: `starts at ${tiers[next.i].from}, but the tier before it ends at ${tiers[t.i].to}: a gap` })
  })
  const last = sorted[sorted.length - 1]
  if (last.to !== null) out.push({ field: `tiers[${last.i}].to`, message: `the last tier must be open (to: null), so every attainment has a rate` })
  return out
}

/** A plan version: its tiers, accelerators above 100%, bonuses, cap and clawback window. */
export function validatePlanVersion(plan: PlanVersion): Refusal[] {
  const out = validateTiers(plan.tiers)
  ;(plan.accelerators ?? []).forEach((a, i) => {
    const from = safe(a.from)
    const m = safe(a.multiplier)
    if (!from || cmp(from, ratio(1)) < 0) out.push({ field: `accelerators[${i}].from`, message: `an accelerator starts at 100% or above, got ${a.from}` })
    if (!m || cmp(m, ratio(1)) < 0) out.push({ field: `accelerators[${i}].multiplier`, message: `a multiplier is 1 or more, got ${a.multiplier}` })
  })
  ;(plan.thresholdBonuses ?? []).forEach((b, i) => {
    if (!safe(b.at) || safe(b.at)!.n < 0n) out.push({ field: `thresholdBonuses[${i}].at`, message: `not an attainment: ${b.at}` })
    if (!Number.isSafeInteger(b.amount) || b.amount < 0) out.push({ field: `thresholdBonuses[${i}].amount`, message: `whole minor units, 0 or more, got ${b.amount}` })
  })
  if (plan.cap !== null && plan.cap !== undefined && (!Number.isSafeInteger(plan.cap) || plan.cap < 0)) out.push({ field: "cap", message: `whole minor units, 0 or more, got ${plan.cap}` })
  if (!(plan.clawback.windowDays >= 0)) out.push({ field: "clawback.windowDays", message: `days, 0 or more, got ${plan.clawback.windowDays}` })
  return out
}

/**
 * A cap below what reaching a tier pays makes that tier a promise the plan never keeps: for a
 * target, every tier start must pay no more than the cap.
 */
export function validateCap(plan: PlanVersion, target: number): Refusal[] {
  if (plan.cap === null || plan.cap === undefined || !(target > 0) || validateTiers(plan.tiers).length) return []
  const uncapped: PlanVersion = { ...plan, cap: null }
  const out: Refusal[] = []
  for (const [i, t] of plan.tiers.entries()) {
    const from = ratio(t.from)
    if (from.n === 0n) continue
    const pays = earningsTotal(uncapped, { quantity: mul(from, ratio(target)), target, proration: { activeDays: 1, periodDays: 1 } })
    if (pays > plan.cap) {
      out.push({ field: "cap", message: `cap ${formatMinor(plan.cap, plan.currency)} is below the ${formatMinor(pays, plan.currency)} that reaching tiers[${i}] (${t.from}) pays at a target of ${target}` })
    }
  }
  return out
}

/** Split credit: known reps, each once, shares above 0 that sum to exactly 100%. */
export function validateSplit(shares: readonly Share[], reps?: readonly Pick<SalesRep, "id">[]): Refusal[] {
  if (!shares.length) return [{ field: "shares", message: "at least one rep" }]
  const out: Refusal[] = []
  const seen = new Set<string>()
  let sum: Ratio = ZERO
  shares.forEach((s, i) => {
    if (seen.has(s.repId)) out.push({ field: `shares[${i}].repId`, message: `rep ${s.repId} is listed twice` })
    seen.add(s.repId)
    if (reps) out.push(...validateRepKnown(`shares[${i}].repId`, s.repId, reps))
    const p = safe(s.percent)
    if (!p || p.n <= 0n) out.push({ field: `shares[${i}].percent`, message: `a share is above 0, got ${s.percent}` })
    else sum = add(sum, p)
  })
  if (!out.length && cmp(sum, ratio(100)) !== 0) out.push({ field: "shares", message: `shares sum to ${Number(sum.n) / Number(sum.d)}%, not 100%` })
  return out
}

/** One plan version at a time per rep: assignments of one rep may not share a day. */
export function validateAssignments(assignments: readonly PlanAssignment[], reps?: readonly Pick<SalesRep, "id">[]): Refusal[] {
  const out: Refusal[] = []
  assignments.forEach((a, i) => {
    if (reps) out.push(...validateRepKnown(`assignments[${i}].repId`, a.repId, reps))
    if (a.to !== null && a.to < a.from) out.push({ field: `assignments[${i}].to`, message: `ends (${a.to}) before it starts (${a.from})` })
    for (let j = 0; j < i; j++) {
      const o = assignments[j]
      if (o.repId === a.repId && periodsOverlap({ start: a.from, end: a.to ?? "9999-12-31" }, { start: o.from, end: o.to ?? "9999-12-31" })) {
        out.push({ field: `assignments[${i}].from`, message: `rep ${a.repId} is already on plan version ${o.planVersionId} from ${o.from}${o.to ? ` to ${o.to}` : ""}` })
      }
    }
  })
  return out
}

/** A rep id that must exist. */
export function validateRepKnown(field: string, repId: string, reps: readonly Pick<SalesRep, "id">[]): Refusal[] {
  return reps.some((r) => r.id === repId) ? [] : [{ field, message: `unknown rep ${repId}` }]
}

function safe(v: number | string): Ratio | undefined {
  try {
    return ratio(v)
  } catch {
    return undefined
  }
}
