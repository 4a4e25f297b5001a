import type { ModuleDb } from "../module-db"
import { readState, writeState } from "../store/plugin-state"

/** Values the plugin keeps between runs (reconciliation cursors and progress, the label zone). */
export class PluginStateStore {
  constructor(private readonly db: ModuleDb) {}

  /** The value under `key`; null when never set. */
  get<T>(key: string): Promise<T | null> {
    return this.db.read((knex) => readState<T>(knex, key))
  }

  set(key: string, value: unknown): Promise<void> {
    return this.db.write((knex) => writeState(knex, key, value))
  }
}
