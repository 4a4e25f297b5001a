import { HOUR_MS } from "./time"

// Stored cohort digests live in aligned blocks of UTC hours, each level nested in the next, so
// any window is a handful of blocks: at most 2 x (ratio - 1) per level plus the largest ones
// (a year is about 20-40 blocks instead of 8,760 hours). Blocks are UTC-aligned, not local days:
// every zone's midnight, half-hour offsets included, falls on an hour or inside an edge.

/** Block lengths in hours, smallest first; each divides the next. */
export const BLOCK_HOURS: readonly number[] = [1, 4, 24, 96, 384, 1536]

export type Block = { hours: number; startMs: number }

export type WindowCover = {
  /** disjoint blocks covering the whole hours of the window */
  blocks: Block[]
  /** what is left at either end, less than an hour each: read raw */
  edges: Array<{ fromMs: number; toMs: number }>
}

/** The window [fromMs, toMs) as stored blocks plus the partial hours at its edges. */
export function coverWindow(fromMs: number, toMs: number): WindowCover {
  if (!(fromMs < toMs)) return { blocks: [], edges: [] }
  const firstHour = Math.ceil(fromMs / HOUR_MS) * HOUR_MS
  const lastHour = Math.floor(toMs / HOUR_MS) * HOUR_MS
  if (firstHour >= lastHour) return { blocks: [], edges: [{ fromMs, toMs }] }
  const edges = []
  if (fromMs < firstHour) edges.push({ fromMs, toMs: firstHour })
  if (lastHour < toMs) edges.push({ fromMs: lastHour, toMs })
  const blocks: Block[] = []
  let cursor = firstHour
  while (cursor < lastHour) {
    // The largest block that starts here and still fits.
    let hours = 1
    for (const candidate of BLOCK_HOURS) {
      const length = candidate * HOUR_MS
      if (cursor % length === 0 && cursor + length <= lastHour) hours = candidate
    }
    blocks.push({ hours, startMs: cursor })
    cursor += hours * HOUR_MS
  }
  return { blocks, edges }
}

/** The blocks above an hour, one per larger level, each holding the hour. */
export function blocksHolding(hourStartMs: number): Block[] {
  return BLOCK_HOURS.map((hours) => ({ hours, startMs: Math.floor(hourStartMs / (hours * HOUR_MS)) * hours * HOUR_MS }))
}

/** The blocks one level down that make up this one (none for an hour). */
export function childBlocks(block: Block): Block[] {
  const level = BLOCK_HOURS.indexOf(block.hours)
  if (level <= 0) return []
  const hours = BLOCK_HOURS[level - 1]
  return Array.from({ length: block.hours / hours }, (_, i) => ({ hours, startMs: block.startMs + i * hours * HOUR_MS }))
}
