import type { Context } from "@medusajs/framework/types"

export type Knex = any

/**
 * The knex bound to the transaction Medusa opened for this call: `getKnex()` alone would
 * autocommit each statement, and a reader could see an order without its lines.
 */
export function transactionKnex(context: Context): Knex {
  const manager = (context.transactionManager ?? context.manager) as any
  return manager.getTransactionContext?.() ?? manager.getKnex()
}

/** Medusa's bigNumber columns keep a raw JSON twin next to the numeric value. */
export function rawNumber(value: number) {
  return JSON.stringify({ value: String(value), precision: 20 })
}
