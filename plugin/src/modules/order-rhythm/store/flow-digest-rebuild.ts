import type { Logger } from "@medusajs/framework/types"
import type { SlaStage } from "../../../lib/rhythm"
import { Knex } from "./knex"
import { digestConfig, DigestConfig, markHoursStale, placementHoursBetween, placementSpan, refreshStaleDigests } from "./flow-digests"
import { readState, writeState } from "./plugin-state"

const STATE_KEY = "flow_digests"
const PAGE_MS = 7 * 24 * 3_600_000

type DigestState = { config: DigestConfig; ready: boolean }

/** Same targets and precision, whatever order the option's keys came in. */
function sameConfig(a: DigestConfig | undefined, b: DigestConfig): boolean {
  const canonical = (c: DigestConfig) =>
    JSON.stringify([c.relativeError, Object.entries(c.slaHours).sort(([x], [y]) => x.localeCompare(y))])
  return !!a && canonical(a) === canonical(b)
}

/** Whether the stored digests are complete and built with these targets: reads may use them. */
export async function flowDigestsReady(knex: Knex, slaHours: Partial<Record<SlaStage, number>>): Promise<boolean> {
  const state = await readState<DigestState>(knex, STATE_KEY)
  return !!state?.ready && sameConfig(state.config, digestConfig(slaHours))
}

/**
 * Builds every stored digest from the facts when they are missing (the plugin was upgraded
 * into a store with history) or were built with other SLA targets: a week of placement hours at
 * a time is marked stale and recounted, as an ingest's hours are. Ingests running meanwhile mark
 * theirs under the same lock, so whatever order the two take, each hour ends counted from the
 * facts. Until the last page is done, reads take the window's orders raw.
 */
export async function ensureFlowDigests(
  io: { read: <T>(fn: (knex: Knex) => Promise<T>) => Promise<T>; write: <T>(fn: (knex: Knex) => Promise<T>) => Promise<T> },
  slaHours: Partial<Record<SlaStage, number>>,
  logger: Pick<Logger, "info">
): Promise<"ready" | "rebuilt"> {
  const config = digestConfig(slaHours)
  if (await io.read((knex) => flowDigestsReady(knex, slaHours))) {
    // What a process that stopped right after an ingest left stale.
    await io.write((knex) => refreshStaleDigests(knex, slaHours))
    return "ready"
  }
  await io.write((knex) => writeState(knex, STATE_KEY, { config, ready: false } satisfies DigestState))
  const span = await io.read(placementSpan)
  if (span) {
    const started = Date.now()
    let hours = 0
    for (let from = Math.floor(span.fromMs / PAGE_MS) * PAGE_MS; from < span.toMs; from += PAGE_MS) {
      const page = await io.read((knex) => placementHoursBetween(knex, from, from + PAGE_MS))
      if (page.length) {
        await io.write((knex) => markHoursStale(knex, page))
        await io.write((knex) => refreshStaleDigests(knex, slaHours))
      }
      hours += page.length
    }
    logger.info(`order-rhythm: cycle-time digests built for ${hours} placement hours in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  }
  await io.write((knex) => writeState(knex, STATE_KEY, { config, ready: true } satisfies DigestState))
  return "rebuilt"
}
