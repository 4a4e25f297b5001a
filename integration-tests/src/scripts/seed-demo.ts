import fs from "node:fs"
import path from "node:path"
import type { ExecArgs } from "@medusajs/framework/types"
import { ensureAdminUser } from "../seed/admin-user"
import { seedDemoStore } from "../demo/demo-store"
import { planHistory } from "../demo/history-plan"
import { readHistoryProgress, topUpHistory, writeHistory } from "../demo/history-writer"

export const DEMO_ADMIN = {
  email: process.env.DEMO_ADMIN_EMAIL || "admin@order-rhythm.local",
  password: process.env.DEMO_ADMIN_PASSWORD || "order-rhythm",
}

/** Where the demo keeps what its other parts need: the wall's token, the store's ids. */
export const DEMO_DIR = path.resolve(__dirname, "..", "..", "..", ".order-rhythm")
export const WALL_TOKEN_FILE = path.join(DEMO_DIR, "demo-wall-token")
export const STORE_FILE = path.join(DEMO_DIR, "demo-store.json")

const SEED = Number(process.env.DEMO_SEED || 20261127)
const DAYS = Number(process.env.DEMO_HISTORY_DAYS || 365)

/**
 * The demo store and its year of history. Running it again reuses what exists: the store
 * is found by its channels, the history by the progress it left in the store's metadata
 * (an interrupted history resumes; a finished one is topped up to now), the admin by
 * email. When history was written, the plugin backfills it through its own
 * reconciliation, as it would in a store it was installed into late.
 */
export default async function seedDemo({ container }: ExecArgs) {
  const logger = container.resolve("logger")
  const log = (line: string) => logger.info(`order-rhythm demo: ${line}`)

  const { store, created } = await seedDemoStore(container)
  log(`store ${created ? "seeded" : "found"}: ${Object.keys(store.variants).length} variants, 2 channels, 2 regions, 2 warehouses`)

  const progress = await readHistoryProgress(container)
  const { reconcileOrders } = require("order-rhythm/workflows")
  if (progress?.complete) {
    log(`history already written (up to ${progress.now}), reused`)
    const added = await topUpHistory(container, store, progress, log)
    if (added) {
      // Each added order changed after everything the plugin has reconciled: the cursor finds them.
      const result = await reconcileOrders(container)
      log(`history topped up to now: ${added.toLocaleString("en")} orders, ${result.processed.toLocaleString("en")} ingested`)
    }
  } else {
    const now = progress ? new Date(progress.now) : new Date()
    const seed = progress?.seed ?? SEED
    const planned = Date.now()
    const plan = planHistory({ now, days: DAYS, seed })
    log(
      `planned ${plan.orders.length.toLocaleString("en")} orders over ${DAYS} days in ${((Date.now() - planned) / 1000).toFixed(1)} s ` +
        `(${plan.lostLines} lines lost to stock-outs, ${plan.stockOutDays} warehouse-variant-days out of stock)`
    )
    const { orders, seconds } = await writeHistory(container, store, plan, seed, log)
    log(`history written: ${orders.toLocaleString("en")} orders in ${seconds.toFixed(0)} s`)

    const backfillStarted = Date.now()
    const result = await reconcileOrders(container, { fromScratch: true })
    log(`plugin backfill: ${result.processed.toLocaleString("en")} orders in ${((Date.now() - backfillStarted) / 1000).toFixed(0)} s`)
  }

  // The plugin's hourly job makes the first forecasts within the hour; the demo's screens want
  // them now. The same call the job makes: the model selection when none was ever made, else
  // the night's refit when it is due (claimed, so the job does not run it twice).
  const { recomputeForecastsWorkflow } = require("order-rhythm/workflows")
  const now = new Date()
  const kind = await (container.resolve("orderRhythm") as any).forecasts.claimNight(now)
  const forecasts = kind ? (await recomputeForecastsWorkflow(container).run({ input: { kind, now: now.toISOString(), prune_tracking: true } })).result : null
  log(
    forecasts
      ? `forecasts: ${forecasts.kind} of ${forecasts.series.toLocaleString("en")} series in ${forecasts.seconds.toFixed(1)} s (${forecasts.failed} failed)`
      : "forecasts: up to date"
  )

  const admin = await ensureAdminUser(container, DEMO_ADMIN.email, DEMO_ADMIN.password)
  log(`admin ${DEMO_ADMIN.email} ${admin.created ? "created" : "already exists"}`)
  fs.mkdirSync(DEMO_DIR, { recursive: true })
  fs.writeFileSync(WALL_TOKEN_FILE, await ensureWallToken(container))
  fs.writeFileSync(STORE_FILE, JSON.stringify(store, null, 2))
  log("wall token and store ids ready")
}

/** The demo wall's display token: the one from the last run while it still opens the wall, else a new one. */
async function ensureWallToken(container: ExecArgs["container"]): Promise<string> {
  const rhythm = container.resolve("orderRhythm") as any
  if (fs.existsSync(WALL_TOKEN_FILE)) {
    const previous = fs.readFileSync(WALL_TOKEN_FILE, "utf8").trim()
    if ((await rhythm.displayTokens.check(previous)).ok) {
      return previous
    }
  }
  const { createDisplayTokenWorkflow, newDisplayTokenSecret } = require("order-rhythm/workflows")
  const { token, token_hash, token_prefix } = newDisplayTokenSecret()
  await createDisplayTokenWorkflow(container).run({ input: { name: "Demo wall", scopes: ["wall", "inventory"], token_hash, token_prefix } })
  return token
}
