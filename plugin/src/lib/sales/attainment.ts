import type { Credited, SalesRep, SalesTeam } from "./types"

/**
 * Attainment: credited figure over target. A team's figure rolls up its own reps and, through
 * them, its child teams (a region holds its cities), so a team's figure is always the sum of
 * the rep figures under it and traces to their orders through `repIds`.
 */
export type Attainment = { value: number; target: number | null; attainment: number | null }

export function attainment(value: number, target: number | null | undefined): Attainment {
  const t = target ?? null
  return { value, target: t, attainment: t !== null && t > 0 ? value / t : null }
}

export type TeamFigures = {
  teamId: string
  /** every rep under the team, its child teams' included */
  repIds: string[]
  revenue: number
  orders: number
  units: number
  newCustomers: number
}

/** Reps under each team, child teams included; a team that is its own ancestor stops the walk. */
export function teamMembers(teams: readonly SalesTeam[], reps: readonly SalesRep[]): Map<string, string[]> {
  const children = new Map<string, string[]>()
  for (const t of teams) if (t.parentTeamId) children.set(t.parentTeamId, [...(children.get(t.parentTeamId) ?? []), t.id])
  const direct = new Map<string, string[]>()
  for (const r of reps) if (r.teamId) direct.set(r.teamId, [...(direct.get(r.teamId) ?? []), r.id])
  const out = new Map<string, string[]>()
  const walk = (id: string, path: Set<string>): string[] => {
    const known = out.get(id)
    if (known) return known
    if (path.has(id)) return []
    path.add(id)
    const all = [...(direct.get(id) ?? [])]
    for (const c of children.get(id) ?? []) all.push(...walk(c, path))
    path.delete(id)
    out.set(id, all)
    return all
  }
  for (const t of teams) walk(t.id, new Set())
  return out
}

export function teamFigures(teams: readonly SalesTeam[], reps: readonly SalesRep[], creditedByRep: ReadonlyMap<string, Credited>): TeamFigures[] {
  const members = teamMembers(teams, reps)
  return teams.map((t) => {
    const repIds = members.get(t.id) ?? []
    const f: TeamFigures = { teamId: t.id, repIds, revenue: 0, orders: 0, units: 0, newCustomers: 0 }
    for (const id of repIds) {
      const c = creditedByRep.get(id)
      if (!c) continue
      f.revenue += c.revenue
      f.orders += c.orders
      f.units += c.units
      f.newCustomers += c.newCustomers
    }
    return f
  })
}
