import type { MedusaContainer } from "@medusajs/framework/types"
import { SMALL_CATALOGUE, seedStore, SeedStoreInput } from "../../src/seed/store"

/** The store most tests sell from: one web shop in Germany, euros, a Berlin warehouse. */
export function seedWebShop(container: MedusaContainer, overrides: Partial<SeedStoreInput> = {}) {
  return seedStore(container, {
    channelName: "Web shop",
    currency: "eur",
    countries: ["de"],
    locationName: "Berlin warehouse",
    products: SMALL_CATALOGUE,
    ...overrides,
  })
}
