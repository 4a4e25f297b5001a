import type { SeededStore } from "../seed/store"

export type CartLine = { sku: string; quantity: number }

/**
 * Places an order the way a shopper does, through the store API: cart, shipping
 * address, promotion codes if any, shipping method, payment collection and session, completion.
 */
export async function placeOrder(api: any, store: SeededStore, lines: CartLine[], email = "shopper@example.com", promoCodes: string[] = []) {
  return completeCart(api, store, await prepareCart(api, store, lines, email, promoCodes))
}

/** Everything a shopper does before pressing "pay": a benchmark can time the completion alone. */
export async function prepareCart(
  api: any,
  store: SeededStore,
  lines: CartLine[],
  email = "shopper@example.com",
  promoCodes: string[] = []
): Promise<string> {
  const headers = { "x-publishable-api-key": store.publishableKey }
  const {
    data: { cart },
  } = await api.post(
    "/store/carts",
    {
      region_id: store.regionId,
      sales_channel_id: store.salesChannelId,
      email,
      items: lines.map((line) => ({ variant_id: variantId(store, line.sku), quantity: line.quantity })),
      shipping_address: {
        first_name: "Ada",
        last_name: "Shopper",
        address_1: "1 Market Street",
        city: "Berlin",
        postal_code: "10115",
        country_code: store.countryCode,
      },
    },
    { headers }
  )
  if (promoCodes.length) {
    // Entered at the cart, as a shopper types a code, before shipping and payment are chosen.
    await api.post(`/store/carts/${cart.id}/promotions`, { promo_codes: promoCodes }, { headers })
  }

  const {
    data: { shipping_options },
  } = await api.get(`/store/shipping-options?cart_id=${cart.id}`, { headers })
  if (!shipping_options.length) {
    throw new Error(`no shipping option offered for cart ${cart.id}`)
  }
  await api.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: shipping_options[0].id }, { headers })

  const {
    data: { payment_collection },
  } = await api.post("/store/payment-collections", { cart_id: cart.id }, { headers })
  await api.post(
    `/store/payment-collections/${payment_collection.id}/payment-sessions`,
    { provider_id: "pp_system_default" },
    { headers }
  )
  return cart.id
}

/** `POST /store/carts/:id/complete`: the moment the order exists. */
export async function completeCart(api: any, store: SeededStore, cartId: string) {
  const headers = { "x-publishable-api-key": store.publishableKey }
  const { data } = await api.post(`/store/carts/${cartId}/complete`, {}, { headers })
  if (data.type !== "order") {
    throw new Error(`cart ${cartId} did not complete: ${JSON.stringify(data.error ?? data)}`)
  }
  return data.order as { id: string; display_id: number; total: number; items: any[] }
}

function variantId(store: SeededStore, sku: string): string {
  const variant = store.variants[sku]
  if (!variant) {
    throw new Error(`the seeded store has no variant with SKU ${sku}`)
  }
  return variant.id
}
