import type { SeededStore } from "../seed/store"

/**
 * The demo store: two sales channels (the web shop and the Shanghai flagship store's
 * counter), two regions and currencies (mainland China in yuan, Hong Kong in HK dollars),
 * two warehouses (Shanghai holds everything, Shenzhen the fast movers), 200+ variants.
 */
export type DemoStore = {
  channels: { web: DemoChannel; flagship: DemoChannel }
  regions: { cn: DemoRegion<"cny", "cn">; hk: DemoRegion<"hkd", "hk"> }
  locations: { shanghai: { id: string }; shenzhen: { id: string } }
  /** Shipping option per location, for orders written straight into the Order module. */
  shippingOptions: { shanghai: string; shenzhen: string }
  variants: Record<string, DemoStoreVariant>
}
export type DemoChannel = { id: string; publishableKey: string }
export type DemoRegion<C extends string, K extends string> = { id: string; currency: C; countryCode: K }
export type DemoStoreVariant = {
  id: string
  productId: string
  inventoryItemId: string
  productTitle: string
  variantTitle: string
  prices: { cny: number; hkd: number }
}

/** Names that mark the demo's records: seeding again finds the store by them. */
export const DEMO_NAMES = {
  web: "Order Rhythm Web Store",
  flagship: "Shanghai Flagship Store",
  cn: "Mainland China",
  hk: "Hong Kong",
  shanghai: "Shanghai warehouse",
  shenzhen: "Shenzhen warehouse",
}

/**
 * The view of one channel and region that the shopper client places orders through. This
 * file loads nothing of Medusa, so the simulator can use it outside the app.
 */
export function storeView(store: DemoStore, channel: "web" | "flagship", region: "cn" | "hk"): SeededStore {
  const r = store.regions[region]
  return {
    salesChannelId: store.channels[channel].id,
    publishableKey: store.channels[channel].publishableKey,
    regionId: r.id,
    stockLocationId: store.locations.shanghai.id,
    shippingOptionId: store.shippingOptions.shanghai,
    countryCode: r.countryCode,
    currency: r.currency,
    variants: Object.fromEntries(
      Object.entries(store.variants).map(([sku, v]) => [
        sku,
        { id: v.id, inventoryItemId: v.inventoryItemId, price: v.prices[r.currency] },
      ])
    ),
    created: false,
  }
}

