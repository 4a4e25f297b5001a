import fs from "node:fs"
import path from "node:path"
import type { ExecArgs } from "@medusajs/framework/types"
import { SMALL_CATALOGUE, seedStore } from "../seed/store"
import { ensureAdminUser } from "../seed/admin-user"

export const DEMO_ADMIN = {
  email: process.env.DEMO_ADMIN_EMAIL || "admin@order-rhythm.local",
  password: process.env.DEMO_ADMIN_PASSWORD || "order-rhythm",
}

/**
 * The demo store, seeded through Medusa's workflows. Running it again adds nothing:
 * the store is found by its sales channel and the admin by email.
 */
export default async function seedDemo({ container }: ExecArgs) {
  const logger = container.resolve("logger")
  const store = await seedStore(container, {
    channelName: "Order Rhythm Web Store",
    currency: "cny",
    countries: ["cn"],
    locationName: "Shanghai warehouse",
    products: SMALL_CATALOGUE,
  })
  logger.info(
    `order-rhythm demo: store ${store.created ? "seeded" : "already seeded, reused"} ` +
      `(${Object.keys(store.variants).length} variants, publishable key ${store.publishableKey})`
  )
  const admin = await ensureAdminUser(container, DEMO_ADMIN.email, DEMO_ADMIN.password)
  logger.info(`order-rhythm demo: admin ${DEMO_ADMIN.email} ${admin.created ? "created" : "already exists"}`)
  const wallToken = await ensureWallToken(container)
  logger.info(`order-rhythm demo: wall token ready`)
  fs.writeFileSync(WALL_TOKEN_FILE, wallToken)
}

/** Where the demo keeps its wall's display token: the plugin stores only its hash. */
export const WALL_TOKEN_FILE = path.resolve(__dirname, "..", "..", "..", ".order-rhythm", "demo-wall-token")

/** The demo wall's display token: the one from the last run while it still opens the wall, else a new one. */
async function ensureWallToken(container: ExecArgs["container"]): Promise<string> {
  const rhythm = container.resolve("orderRhythm") as any
  fs.mkdirSync(path.dirname(WALL_TOKEN_FILE), { recursive: true })
  if (fs.existsSync(WALL_TOKEN_FILE)) {
    const previous = fs.readFileSync(WALL_TOKEN_FILE, "utf8").trim()
    if ((await rhythm.checkDisplayToken(previous)).ok) {
      return previous
    }
  }
  const { token } = await rhythm.issueDisplayToken({ name: "Demo wall", scopes: ["wall", "inventory"] })
  return token
}
