import { randomUUID } from "node:crypto"

/**
 * A surrogate key for one of the plugin's own rows. Medusa's generateEntityId makes a ULID with
 * one random-bytes call per character, and an ingest writes (or upserts) thousands of rows: it
 * was a tenth of the plugin's CPU under checkout load. Nothing sorts these rows by id, so a
 * random UUID, drawn from Node's pooled entropy, serves.
 */
export function rowId(prefix: string): string {
  return `${prefix}_${randomUUID().replace(/-/g, "").toUpperCase()}`
}
