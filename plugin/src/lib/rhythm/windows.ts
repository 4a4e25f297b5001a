import { toIso, toMs } from "./time"
import type { Window } from "./types"

/**
 * The union of half-open windows as disjoint windows, in time order. A request reads its
 * hours as a few separate spans (the window, the heat map's weeks, the expected curve's
 * weeks); reading overlapping spans as they are would count the shared hours twice.
 */
export function disjointWindows(windows: readonly Window[]): Window[] {
  const spans = windows
    .map((w) => [toMs(w.fromUtc), toMs(w.toUtc)] as [number, number])
    .filter(([from, to]) => to > from)
    .sort((a, b) => a[0] - b[0])
  const merged: Array<[number, number]> = []
  for (const [from, to] of spans) {
    const last = merged[merged.length - 1]
    if (last && from <= last[1]) last[1] = Math.max(last[1], to)
    else merged.push([from, to])
  }
  return merged.map(([from, to]) => ({ fromUtc: toIso(from), toUtc: toIso(to) }))
}
