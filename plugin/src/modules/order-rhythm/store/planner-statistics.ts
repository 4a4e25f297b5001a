import type { Knex } from "./knex"

/** The plugin's tables that grow with every order and stock change. */
export const GROWING_TABLES = [
  "order_rhythm_order_fact",
  "order_rhythm_order_line_fact",
  "order_rhythm_stage_fact",
  "order_rhythm_hour_bucket",
  "order_rhythm_day_bucket",
  "order_rhythm_variant_day",
  "order_rhythm_inventory_snapshot",
  "order_rhythm_flow_digest",
  "order_rhythm_stale_digest",
]

/** One ANALYZE of all of them (it takes no lock that holds up writers or readers). */
export async function analyzeGrowingTables(knex: Knex): Promise<void> {
  await knex.raw(`analyze ${GROWING_TABLES.join(", ")}`)
}

/**
 * Keeps PostgreSQL's planner statistics of the plugin's tables up with what the plugin writes.
 * A backfill fills empty tables in a minute or two; until autovacuum's next analyze (a minute
 * away at best, never where autovacuum is off, as on our test machines) the planner takes them
 * for empty and, recounting a batch's variant-days, joined every line fact against every key:
 * 2 s a batch where 0.1 s does (bench/ingest/backfill-exec.ts, BACKFILL_BREAKDOWN=2). So the
 * plugin analyzes them itself each time the rows it wrote since the last analyze reach what it
 * had written before (1,000 at least): a doubling, so a year of history costs a dozen analyzes
 * and a store's steady trickle almost none. One at a time, in the background.
 */
export class PlannerStatistics {
  private written = 0
  private sinceAnalyze = 0
  private running: Promise<void> | null = null

  constructor(
    private readonly analyze: () => Promise<void>,
    private readonly onError: (error: unknown) => void,
    private readonly firstAfter = 1000
  ) {}

  /** Counts rows just written; starts an analyze when they are due one. */
  wrote(rows: number): void {
    this.sinceAnalyze += rows
    if (this.running || this.sinceAnalyze < Math.max(this.firstAfter, this.written)) return
    this.written += this.sinceAnalyze
    this.sinceAnalyze = 0
    this.running = this.analyze()
      .catch(this.onError)
      .finally(() => {
        this.running = null
      })
  }

  /** The analyze under way, if any (tests wait for it). */
  settled(): Promise<void> {
    return this.running ?? Promise.resolve()
  }
}
