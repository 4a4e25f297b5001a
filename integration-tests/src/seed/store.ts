import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createInventoryLevelsWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"

export type SeedVariant = { sku: string; title: string; price: number; stock: number }
export type SeedProduct = { title: string; handle: string; variants: SeedVariant[] }

export type SeedStoreInput = {
  /** Names the sales channel; seeding again with the same name reuses what exists. */
  channelName: string
  currency: string
  countries: string[]
  locationName: string
  products: SeedProduct[]
}

export type SeededStore = {
  salesChannelId: string
  publishableKey: string
  regionId: string
  stockLocationId: string
  shippingOptionId: string
  countryCode: string
  currency: string
  variants: Record<string, { id: string; inventoryItemId: string; price: number }>
  created: boolean
}

export const SMALL_CATALOGUE: SeedProduct[] = [
  {
    title: "Espresso Beans",
    handle: "espresso-beans",
    variants: [
      { sku: "BEANS-250", title: "250 g", price: 12, stock: 500 },
      { sku: "BEANS-1000", title: "1 kg", price: 38, stock: 200 },
    ],
  },
  {
    title: "Pour-over Kettle",
    handle: "pour-over-kettle",
    variants: [{ sku: "KETTLE-1", title: "Default", price: 64.5, stock: 40 }],
  },
  {
    title: "Paper Filters",
    handle: "paper-filters",
    variants: [{ sku: "FILTER-100", title: "100 pack", price: 6, stock: 1000 }],
  },
]

/**
 * A store that can sell, seeded through Medusa's own workflows the way Medusa's starter
 * seeds one: sales channel, publishable key, region with the system payment provider,
 * stock location with a shipping fulfilment set, a shipping option, products with stock.
 * Idempotent: a sales channel of the same name means the store exists, and it is reused.
 */
export async function seedStore(container: MedusaContainer, input: SeedStoreInput): Promise<SeededStore> {
  const existing = await findSeededStore(container, input)
  if (existing) {
    return existing
  }

  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const storeModule = container.resolve(Modules.STORE)

  const {
    result: [salesChannel],
  } = await createSalesChannelsWorkflow(container).run({
    input: { salesChannelsData: [{ name: input.channelName }] },
  })

  const [store] = await storeModule.listStores()
  const currencies = new Set([
    ...(store.supported_currencies ?? []).map((c) => c.currency_code),
    input.currency,
  ])
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        supported_currencies: [...currencies].map((currency_code, index) => ({
          currency_code,
          is_default: (store.supported_currencies ?? []).length
            ? Boolean(store.supported_currencies?.find((c) => c.currency_code === currency_code)?.is_default)
            : index === 0,
        })),
        default_sales_channel_id: store.default_sales_channel_id ?? salesChannel.id,
      },
    },
  })

  const {
    result: [region],
  } = await createRegionsWorkflow(container).run({
    input: {
      regions: [
        {
          name: `${input.channelName} region`,
          currency_code: input.currency,
          countries: input.countries,
          payment_providers: ["pp_system_default"],
        },
      ],
    },
  })

  const {
    result: [location],
  } = await createStockLocationsWorkflow(container).run({
    input: {
      locations: [
        { name: input.locationName, address: { city: input.locationName, country_code: input.countries[0], address_1: "" } },
      ],
    },
  })
  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
    [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
  })

  let [profile] = await fulfillment.listShippingProfiles({ type: "default" })
  if (!profile) {
    const { result } = await createShippingProfilesWorkflow(container).run({
      input: { data: [{ name: "Default Shipping Profile", type: "default" }] },
    })
    profile = result[0]
  }

  const fulfillmentSet = await fulfillment.createFulfillmentSets({
    name: `${input.locationName} shipping`,
    type: "shipping",
    service_zones: [
      {
        name: input.channelName,
        geo_zones: input.countries.map((country_code) => ({ country_code, type: "country" as const })),
      },
    ],
  })
  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
    [Modules.FULFILLMENT]: { fulfillment_set_id: fulfillmentSet.id },
  })

  const {
    result: [shippingOption],
  } = await createShippingOptionsWorkflow(container).run({
    input: [
      {
        name: `Standard shipping (${input.channelName})`,
        price_type: "flat",
        provider_id: "manual_manual",
        service_zone_id: fulfillmentSet.service_zones[0].id,
        shipping_profile_id: profile.id,
        type: { label: "Standard", description: "Ships in 2-3 days.", code: "standard" },
        prices: [
          { currency_code: input.currency, amount: 5 },
          { region_id: region.id, amount: 5 },
        ],
        rules: [
          { attribute: "enabled_in_store", value: "true", operator: "eq" },
          { attribute: "is_return", value: "false", operator: "eq" },
        ],
      },
    ],
  })

  await linkSalesChannelsToStockLocationWorkflow(container).run({
    input: { id: location.id, add: [salesChannel.id] },
  })

  const {
    result: [apiKey],
  } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: input.channelName, type: "publishable", created_by: "" }] },
  })
  await linkSalesChannelsToApiKeyWorkflow(container).run({
    input: { id: apiKey.id, add: [salesChannel.id] },
  })

  const { result: products } = await createProductsWorkflow(container).run({
    input: {
      products: input.products.map((product) => ({
        title: product.title,
        handle: product.handle,
        status: ProductStatus.PUBLISHED,
        shipping_profile_id: profile.id,
        options: [{ title: "Variant", values: product.variants.map((variant) => variant.title) }],
        variants: product.variants.map((variant) => ({
          title: variant.title,
          sku: variant.sku,
          manage_inventory: true,
          options: { Variant: variant.title },
          prices: [{ amount: variant.price, currency_code: input.currency }],
        })),
        sales_channels: [{ id: salesChannel.id }],
      })),
    },
  })

  const variants = await loadVariants(container, products.flatMap((p) => p.variants?.map((v) => v.id) ?? []))
  const stockBySku = new Map(input.products.flatMap((p) => p.variants).map((v) => [v.sku, v.stock]))
  await createInventoryLevelsWorkflow(container).run({
    input: {
      inventory_levels: Object.entries(variants).map(([sku, variant]) => ({
        location_id: location.id,
        inventory_item_id: variant.inventoryItemId,
        stocked_quantity: stockBySku.get(sku) ?? 0,
      })),
    },
  })

  return {
    salesChannelId: salesChannel.id,
    publishableKey: apiKey.token,
    regionId: region.id,
    stockLocationId: location.id,
    shippingOptionId: shippingOption.id,
    countryCode: input.countries[0],
    currency: input.currency,
    variants,
    created: true,
  }
}

async function loadVariants(container: MedusaContainer, variantIds: string[]) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product_variant",
    fields: ["id", "sku", "inventory_items.inventory_item_id", "prices.amount"],
    filters: { id: variantIds },
  })
  const variants: SeededStore["variants"] = {}
  for (const variant of data as any[]) {
    variants[variant.sku] = {
      id: variant.id,
      inventoryItemId: variant.inventory_items?.[0]?.inventory_item_id,
      price: Number(variant.prices?.[0]?.amount ?? 0),
    }
  }
  return variants
}

async function findSeededStore(container: MedusaContainer, input: SeedStoreInput): Promise<SeededStore | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [channel],
  } = await query.graph({
    entity: "sales_channel",
    fields: ["id", "stock_locations.id", "publishable_api_keys.id", "publishable_api_keys.token"],
    filters: { name: input.channelName },
  })
  if (!channel) {
    return null
  }
  const {
    data: [region],
  } = await query.graph({ entity: "region", fields: ["id"], filters: { name: `${input.channelName} region` } })
  const { data: options } = await query.graph({
    entity: "shipping_option",
    fields: ["id"],
    filters: { name: `Standard shipping (${input.channelName})` },
  })
  const skus = input.products.flatMap((p) => p.variants.map((v) => v.sku))
  const { data: variantRows } = await query.graph({ entity: "product_variant", fields: ["id"], filters: { sku: skus } })
  const channelAny = channel as any
  return {
    salesChannelId: channel.id,
    publishableKey: channelAny.publishable_api_keys?.[0]?.token,
    regionId: region?.id,
    stockLocationId: channelAny.stock_locations?.[0]?.id,
    shippingOptionId: options[0]?.id,
    countryCode: input.countries[0],
    currency: input.currency,
    variants: await loadVariants(container, (variantRows as any[]).map((v) => v.id)),
    created: false,
  }
}
