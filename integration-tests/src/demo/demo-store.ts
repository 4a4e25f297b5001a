import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createInventoryLevelsWorkflow,
  createProductCategoriesWorkflow,
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
import { DEMO_CATALOGUE, hkdPrice } from "./catalogue"
import { DEMO_NAMES, type DemoStore } from "./store-view"

export { DEMO_NAMES, storeView, type DemoStore } from "./store-view"

/**
 * Seeds the store through Medusa's workflows, or finds it: the web channel's name marks a
 * store that exists. Inventory levels start empty (0 stocked): the history decides the
 * stock, from what it sold and what came in.
 */
export async function seedDemoStore(container: MedusaContainer): Promise<{ store: DemoStore; created: boolean }> {
  const existing = await findDemoStore(container)
  if (existing) {
    return { store: existing, created: false }
  }
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const storeModule = container.resolve(Modules.STORE)

  const { result: channels } = await createSalesChannelsWorkflow(container).run({
    input: {
      salesChannelsData: [
        { name: DEMO_NAMES.web, description: "Web shop and mini-program" },
        { name: DEMO_NAMES.flagship, description: "Counter sales at the Shanghai flagship store" },
      ],
    },
  })
  const [web, flagship] = channels

  const [defaultStore] = await storeModule.listStores()
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: defaultStore.id },
      update: {
        name: "Order Rhythm Coffee & Tea",
        supported_currencies: [
          { currency_code: "cny", is_default: true },
          { currency_code: "hkd", is_default: false },
        ],
        default_sales_channel_id: web.id,
      },
    },
  })

  const { result: regions } = await createRegionsWorkflow(container).run({
    input: {
      regions: [
        { name: DEMO_NAMES.cn, currency_code: "cny", countries: ["cn"], payment_providers: ["pp_system_default"] },
        { name: DEMO_NAMES.hk, currency_code: "hkd", countries: ["hk"], payment_providers: ["pp_system_default"] },
      ],
    },
  })
  const [cn, hk] = regions

  const { result: locations } = await createStockLocationsWorkflow(container).run({
    input: {
      locations: [
        { name: DEMO_NAMES.shanghai, address: { city: "Shanghai", country_code: "cn", address_1: "Jiading logistics park" } },
        { name: DEMO_NAMES.shenzhen, address: { city: "Shenzhen", country_code: "cn", address_1: "Longhua logistics park" } },
      ],
    },
  })
  const [shanghai, shenzhen] = locations

  let [profile] = await fulfillment.listShippingProfiles({ type: "default" })
  if (!profile) {
    const { result } = await createShippingProfilesWorkflow(container).run({
      input: { data: [{ name: "Default Shipping Profile", type: "default" }] },
    })
    profile = result[0]
  }

  for (const location of locations) {
    await link.create({
      [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
      [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
    })
    const set = await fulfillment.createFulfillmentSets({
      name: `${location.name} shipping`,
      type: "shipping",
      service_zones: [
        {
          name: `${location.name}: China and Hong Kong`,
          geo_zones: [
            { country_code: "cn", type: "country" as const },
            { country_code: "hk", type: "country" as const },
          ],
        },
      ],
    })
    await link.create({
      [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
      [Modules.FULFILLMENT]: { fulfillment_set_id: set.id },
    })
    await createShippingOptionsWorkflow(container).run({
      input: [
        {
          name: `Express from ${location.name}`,
          price_type: "flat",
          provider_id: "manual_manual",
          service_zone_id: set.service_zones[0].id,
          shipping_profile_id: profile.id,
          type: { label: "Express", description: "Next-day courier.", code: "express" },
          prices: [
            { currency_code: "cny", amount: 12 },
            { currency_code: "hkd", amount: 30 },
            { region_id: cn.id, amount: 12 },
            { region_id: hk.id, amount: 30 },
          ],
          rules: [
            { attribute: "enabled_in_store", value: "true", operator: "eq" },
            { attribute: "is_return", value: "false", operator: "eq" },
          ],
        },
      ],
    })
  }
  // The flagship sells from the Shanghai shelves only; the web shop ships from both.
  await linkSalesChannelsToStockLocationWorkflow(container).run({ input: { id: shanghai.id, add: [web.id, flagship.id] } })
  await linkSalesChannelsToStockLocationWorkflow(container).run({ input: { id: shenzhen.id, add: [web.id] } })

  const { result: keys } = await createApiKeysWorkflow(container).run({
    input: {
      api_keys: [
        { title: DEMO_NAMES.web, type: "publishable", created_by: "" },
        { title: DEMO_NAMES.flagship, type: "publishable", created_by: "" },
      ],
    },
  })
  await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: keys[0].id, add: [web.id] } })
  await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: keys[1].id, add: [flagship.id] } })

  const categoryNames = [...new Set(DEMO_CATALOGUE.map((product) => product.category))]
  const { result: categories } = await createProductCategoriesWorkflow(container).run({
    input: {
      product_categories: categoryNames.map((name) => ({
        name: name.replace(/-/g, " ").replace(/^./, (c) => c.toUpperCase()),
        handle: name,
        is_active: true,
      })),
    },
  })
  const categoryId = new Map(categories.map((category) => [category.handle, category.id]))

  for (let start = 0; start < DEMO_CATALOGUE.length; start += 20) {
    await createProductsWorkflow(container).run({
      input: {
        products: DEMO_CATALOGUE.slice(start, start + 20).map((product) => ({
          title: product.title,
          handle: product.handle,
          status: ProductStatus.PUBLISHED,
          shipping_profile_id: profile.id,
          category_ids: [categoryId.get(product.category)!],
          options: [{ title: "Option", values: product.variants.map((variant) => variant.title) }],
          variants: product.variants.map((variant) => ({
            title: variant.title,
            sku: variant.sku,
            manage_inventory: true,
            options: { Option: variant.title },
            prices: [
              { amount: variant.price, currency_code: "cny" },
              { amount: hkdPrice(variant.price), currency_code: "hkd" },
            ],
          })),
          sales_channels: [{ id: web.id }, { id: flagship.id }],
        })),
      },
    })
  }

  const store = (await findDemoStore(container))!
  const southern = new Set(DEMO_CATALOGUE.flatMap((p) => p.variants.filter((v) => v.southern).map((v) => v.sku)))
  await createInventoryLevelsWorkflow(container).run({
    input: {
      inventory_levels: Object.entries(store.variants).flatMap(([sku, variant]) => [
        { location_id: shanghai.id, inventory_item_id: variant.inventoryItemId, stocked_quantity: 0 },
        ...(southern.has(sku)
          ? [{ location_id: shenzhen.id, inventory_item_id: variant.inventoryItemId, stocked_quantity: 0 }]
          : []),
      ]),
    },
  })
  return { store, created: true }
}

export async function findDemoStore(container: MedusaContainer): Promise<DemoStore | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: channels } = await query.graph({
    entity: "sales_channel",
    fields: ["id", "name", "publishable_api_keys.token"],
    filters: { name: [DEMO_NAMES.web, DEMO_NAMES.flagship] },
  })
  const channel = (name: string) => (channels as any[]).find((c) => c.name === name)
  if (!channel(DEMO_NAMES.web) || !channel(DEMO_NAMES.flagship)) {
    return null
  }
  const { data: regions } = await query.graph({
    entity: "region",
    fields: ["id", "name"],
    filters: { name: [DEMO_NAMES.cn, DEMO_NAMES.hk] },
  })
  const { data: locations } = await query.graph({
    entity: "stock_location",
    fields: ["id", "name"],
    filters: { name: [DEMO_NAMES.shanghai, DEMO_NAMES.shenzhen] },
  })
  const { data: options } = await query.graph({
    entity: "shipping_option",
    fields: ["id", "name"],
    filters: { name: [`Express from ${DEMO_NAMES.shanghai}`, `Express from ${DEMO_NAMES.shenzhen}`] },
  })
  const skus = DEMO_CATALOGUE.flatMap((p) => p.variants.map((v) => v.sku))
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: ["id", "sku", "title", "product_id", "product.title", "inventory_items.inventory_item_id", "prices.amount", "prices.currency_code"],
    filters: { sku: skus },
  })
  const byName = (rows: any[], name: string) => rows.find((row) => row.name === name)?.id as string
  return {
    channels: {
      web: { id: channel(DEMO_NAMES.web).id, publishableKey: channel(DEMO_NAMES.web).publishable_api_keys?.[0]?.token },
      flagship: {
        id: channel(DEMO_NAMES.flagship).id,
        publishableKey: channel(DEMO_NAMES.flagship).publishable_api_keys?.[0]?.token,
      },
    },
    regions: {
      cn: { id: byName(regions as any[], DEMO_NAMES.cn), currency: "cny", countryCode: "cn" },
      hk: { id: byName(regions as any[], DEMO_NAMES.hk), currency: "hkd", countryCode: "hk" },
    },
    locations: {
      shanghai: { id: byName(locations as any[], DEMO_NAMES.shanghai) },
      shenzhen: { id: byName(locations as any[], DEMO_NAMES.shenzhen) },
    },
    shippingOptions: {
      shanghai: byName(options as any[], `Express from ${DEMO_NAMES.shanghai}`),
      shenzhen: byName(options as any[], `Express from ${DEMO_NAMES.shenzhen}`),
    },
    variants: Object.fromEntries(
      (variants as any[]).map((variant) => {
        const price = (currency: string) =>
          Number(variant.prices?.find((p: any) => p.currency_code === currency)?.amount ?? 0)
        return [
          variant.sku,
          {
            id: variant.id,
            productId: variant.product_id,
            inventoryItemId: variant.inventory_items?.[0]?.inventory_item_id,
            productTitle: variant.product?.title,
            variantTitle: variant.title,
            prices: { cny: price("cny"), hkd: price("hkd") },
          },
        ]
      })
    ),
  }
}
