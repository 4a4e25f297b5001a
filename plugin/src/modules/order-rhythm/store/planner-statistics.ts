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

/** What analyzedRows says of tables that hold rows PostgreSQL has never counted. */
export const NEVER_ANALYZED = "never analyzed"

/**
 * The rows they held at their last analyze, as PostgreSQL estimates them (a table never analyzed
 * counts 0), or NEVER_ANALYZED when one of them holds data but has never been analyzed: loaded
 * by a restore (pg_restore does not analyze) or while autovacuum is off, where the planner has
 * nothing to go on and the history is already there. (pg_class.relpages is no help: it too is
 * only set by an analyze or a vacuum; the table's size on disk is.)
 */
export async function analyzedRows(knex: Knex): Promise<number | typeof NEVER_ANALYZED> {
  const { rows } = await knex.raw(
    `select coalesce(sum(greatest(reltuples, 0)), 0)::float8 as rows,
            coalesce(bool_or(reltuples < 0 and pg_relation_size(oid) > 0), false) as never
       from pg_class where relname = any(?) and relkind = 'r'`,
    [GROWING_TABLES]
  )
  return rows[0]?.never ? NEVER_ANALYZED : Number(rows[0]?.rows ?? 0)
}

/**
 * Keeps PostgreSQL's planner statistics of the plugin's tables up with what the plugin writes.
 * A backfill fills empty tables in a minute or two; until autovacuum's next analyze (a minute
 * away at best, never where autovacuum is off, as on our test machines) the planner takes them
 * for empty and, recounting a batch's variant-days, joined every line fact against every key:
 * 2 s a batch where 0.1 s does (bench/ingest/backfill-exec.ts, BACKFILL_BREAKDOWN=2). So the
 * plugin analyzes them itself once the rows it has written since their last analyze reach what
 * they held then (1,000 at least): while they fill up, at every doubling; on a store with
 * history, rarely. Not after every restart: an analyze of large tables costs PostgreSQL a few
 * hundred milliseconds of CPU, and checkouts felt it (the 4/s checkout bench's p95, pair by pair,
 * 0.95 / 1.54 / 0.88 / 1.90, the slow pairs the ones an analyze fell in, when the count started
 * from zero at each start). One at a time, in the background.
 */
export class PlannerStatistics {
  /** Rows the tables held at their last analyze; read once before the first decision. */
  private analyzed: number | null = null
  private sinceAnalyze = 0
  private running: Promise<void> | null = null
  /** Tables with history and no statistics at all: analyzed at the first write, whatever its size. */
  private dueNow = false

  constructor(
    private readonly analyze: () => Promise<void>,
    private readonly readAnalyzedRows: () => Promise<number | typeof NEVER_ANALYZED>,
    private readonly onError: (error: unknown) => void,
    private readonly firstAfter = 1000
  ) {}

  /** Counts rows just written; starts an analyze when they are due one. */
  wrote(rows: number): void {
    this.sinceAnalyze += rows
    if (this.running) return
    if (this.analyzed === null) {
      this.running = this.background(async () => {
        // Unreadable: taken as empty tables, so the next analyze comes soon rather than never.
        const read = await this.readAnalyzedRows().catch((error) => {
          this.onError(error)
          return 0
        })
        this.dueNow = read === NEVER_ANALYZED
        this.analyzed = read === NEVER_ANALYZED ? 0 : read
      })
      return
    }
    if (!this.dueNow && this.sinceAnalyze < Math.max(this.firstAfter, this.analyzed)) return
    const written = this.sinceAnalyze
    this.sinceAnalyze = 0
    this.dueNow = false
    this.running = this.background(async () => {
      await this.analyze()
      // What PostgreSQL now counts; at least what was there plus what was written.
      const read = await this.readAnalyzedRows()
      this.analyzed = Math.max(read === NEVER_ANALYZED ? 0 : read, (this.analyzed ?? 0) + written)
    })
  }

  /** The work under way, if any (tests wait for it). */
  settled(): Promise<void> {
    return this.running ?? Promise.resolve()
  }

  private background(work: () => Promise<void>): Promise<void> {
    return work()
      .catch(this.onError)
      .finally(() => {
        this.running = null
        // Rows written meanwhile may already be due.
        this.wrote(0)
      })
  }
}
