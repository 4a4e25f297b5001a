import type { Knex } from "./store/knex"

/**
 * The module's connection as the service lends it to each concern (ingestion, figures,
 * forecasts, settings): `read` on a plain connection, `write` in one transaction, so a concern
 * needs none of Medusa's decorators and stays a plain class.
 */
export type ModuleDb = {
  read<T>(fn: (knex: Knex) => Promise<T>): Promise<T>
  write<T>(fn: (knex: Knex) => Promise<T>): Promise<T>
}
