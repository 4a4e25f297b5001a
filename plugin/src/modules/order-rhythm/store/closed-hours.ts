import type { HourBucket, Window } from "../../../lib/rhythm"

const HOUR_MS = 3_600_000
/** The cache holds whole UTC days of hour buckets. */
export const BLOCK_MS = 24 * HOUR_MS
/** A day of hours is cached once it ended at least this long ago. */
export const CLOSED_AFTER_MS = 2 * HOUR_MS
/**
 * A write that changes an hour which started more than this long before it says so (bumps the
 * generation). With CLOSED_AFTER_MS twice as long, a write that did not bump can only have touched
 * hours that were not closed when it ran: a cache filled before its commit would need the
 * transaction to have stayed open for more than an hour to hold a stale copy of them.
 */
export const CHANGED_CLOSED_AFTER_MS = HOUR_MS
/** About three years of days; a request that reaches further starts the copy again. */
const MAX_BLOCKS = 1100
/**
 * A read that misses fills the days from its earliest on, up to this many (a year and a bit) or
 * the cut, in one read: a process's first reports load what the next ones will ask for.
 */
const PREFETCH_BLOCKS = 400
/**
 * While history is being rewritten (a backfill changes past hours every second or so), a copy
 * would be filled only to be dropped: reads go to the store until the closed hours have stood
 * unchanged this long.
 */
export const STABLE_FOR_MS = 30_000

/** An hour bucket with its start as epoch milliseconds. */
export type CachedHour = { bucket: HourBucket; ms: number }

export type ClosedHourSource = {
  /** The store's token for the current state of the closed hours (store/closed-hours-generation). */
  generation(): Promise<string>
  /** The hour buckets of [fromMs, toMs), all channels, merged per hour x channel. */
  hours(fromMs: number, toMs: number): Promise<HourBucket[]>
}

/**
 * This process's copy of the hours that are over: past hour buckets do not change once their
 * hour has passed (an order counts in the hour it was placed, a fulfilment or a return in its
 * own), except when history arrives late (a backfill, a reconciliation, an edit of an old
 * order). Those writes change a generation token in the store; each read checks it first, and a
 * change empties the copy. So a report reads from PostgreSQL only the last day or so of hours, and a
 * year of hours is read once per process, not per request.
 */
export class ClosedHourCache {
  private generation: string | null = null
  /** When this process saw the generation change (not its first sight of it). */
  private changedAt = -Infinity
  private readonly blocks = new Map<number, Promise<CachedHour[]>>()

  constructor(
    private readonly source: ClosedHourSource,
    private readonly clock: () => number = Date.now,
    /** How long past hours must stand unchanged before they are copied again (tests shorten it). */
    public stableForMs = STABLE_FOR_MS
  ) {}

  /**
   * A view for one read: where the closed hours end (`cutMs`, a block boundary at least
   * CLOSED_AFTER_MS in the past) and their buckets over given windows.
   */
  async view(): Promise<ClosedHoursView> {
    const generation = await this.source.generation()
    // A read that started before a newer token was seen may bring the older one: it empties the
    // copy once more (its own reads come after the change's commit, so they are fresh), no harm.
    if (generation !== this.generation) {
      this.blocks.clear()
      if (this.generation !== null) this.changedAt = this.clock()
      this.generation = generation
    }
    const now = this.clock()
    const cutMs = now - this.changedAt < this.stableForMs ? -Infinity : Math.floor((now - CLOSED_AFTER_MS) / BLOCK_MS) * BLOCK_MS
    return { cutMs, hours: (windows) => this.hours(windows, cutMs) }
  }

  private async hours(windows: Array<{ fromMs: number; toMs: number }>, cutMs: number): Promise<CachedHour[]> {
    const wanted = new Set<number>()
    for (const { fromMs, toMs } of windows) {
      for (let block = Math.floor(fromMs / BLOCK_MS) * BLOCK_MS; block < Math.min(toMs, cutMs); block += BLOCK_MS) wanted.add(block)
    }
    if (!wanted.size) return []
    const first = Math.min(...wanted)
    const ahead = new Set(wanted)
    for (let block = first; block < Math.min(cutMs, first + PREFETCH_BLOCKS * BLOCK_MS); block += BLOCK_MS) ahead.add(block)
    let missing = [...ahead].filter((block) => !this.blocks.has(block)).sort((a, b) => a - b)
    if (this.blocks.size + missing.length > MAX_BLOCKS) {
      this.blocks.clear()
      missing = [...ahead].sort((a, b) => a - b)
    }
    if (missing.length) this.fill(missing)
    // The read's own view of the copy, taken before its first await: another read may empty the
    // shared map meanwhile (a new generation, an overflow), and this one must not depend on it.
    const pending = [...wanted].sort((a, b) => a - b).map((block) => this.blocks.get(block)!)
    const items: CachedHour[] = []
    for (const rows of await Promise.all(pending)) {
      for (const item of rows) {
        if (windows.some((window) => item.ms >= window.fromMs && item.ms < window.toMs)) items.push(item)
      }
    }
    return items
  }

  /** Reads the missing blocks, one read per run of consecutive ones. */
  private fill(missing: number[]) {
    let start = 0
    for (let i = 1; i <= missing.length; i++) {
      if (i < missing.length && missing[i] === missing[i - 1] + BLOCK_MS) continue
      const run = missing.slice(start, i)
      const read = this.source.hours(run[0], run[run.length - 1] + BLOCK_MS).then((buckets) => {
        const byBlock = new Map<number, CachedHour[]>(run.map((block) => [block, []]))
        for (const bucket of buckets) {
          const ms = Date.parse(bucket.hourStartUtc)
          byBlock.get(Math.floor(ms / BLOCK_MS) * BLOCK_MS)?.push({ bucket, ms })
        }
        return byBlock
      })
      for (const block of run) {
        const rows = read.then((byBlock) => byBlock.get(block)!)
        // A failed read is not kept: the next request tries again.
        rows.catch(() => this.blocks.get(block) === rows && this.blocks.delete(block))
        this.blocks.set(block, rows)
      }
      start = i
    }
  }
}

export type ClosedHoursView = {
  /** Hours before this are closed and come from the copy; from it on, from the store. */
  cutMs: number
  /** The cached buckets whose hours lie in any of the windows and before cutMs, in hour order. */
  hours(windows: Array<{ fromMs: number; toMs: number }>): Promise<CachedHour[]>
}

/** Splits UTC windows at `cutMs`: the closed parts before it, the open parts from it on. */
export function splitAtCut(windows: Window[], cutMs: number): { closed: Array<{ fromMs: number; toMs: number }>; open: Window[] } {
  const closed: Array<{ fromMs: number; toMs: number }> = []
  const open: Window[] = []
  for (const window of windows) {
    const fromMs = Date.parse(window.fromUtc)
    const toMs = Date.parse(window.toUtc)
    if (fromMs < Math.min(toMs, cutMs)) closed.push({ fromMs, toMs: Math.min(toMs, cutMs) })
    if (Math.max(fromMs, cutMs) < toMs) open.push({ fromUtc: new Date(Math.max(fromMs, cutMs)).toISOString(), toUtc: window.toUtc })
  }
  return { closed, open }
}
