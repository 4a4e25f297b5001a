import type { PaceStatus } from "./pacing"

/**
 * The leaderboard: reps ranked by attainment (the only fair order across different targets),
 * equal attainment sharing a rank (1, 2, 2, 4), reps without a target last and unranked.
 */
export type LeaderboardInput = {
  repId: string
  name: string
  teamId?: string | null
  value: number
  target: number | null
  attainment: number | null
  pace: PaceStatus | null
  projectedAttainment: number | null
}

export type LeaderboardRow = LeaderboardInput & { rank: number | null }

export function leaderboard(rows: readonly LeaderboardInput[]): LeaderboardRow[] {
  const sorted = [...rows].sort((a, b) => {
    if (a.attainment === null || b.attainment === null) return a.attainment === null ? (b.attainment === null ? a.name.localeCompare(b.name) : 1) : -1
    return b.attainment - a.attainment || a.name.localeCompare(b.name)
  })
  let rank = 0
  return sorted.map((r, i) => {
    if (r.attainment === null) return { ...r, rank: null }
    if (i === 0 || sorted[i - 1].attainment !== r.attainment) rank = i + 1
    return { ...r, rank }
  })
}
