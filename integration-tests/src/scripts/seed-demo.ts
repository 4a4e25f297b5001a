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
}
