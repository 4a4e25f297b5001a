import type { SeededStore } from "../../src/seed/store"
import type { CartLine } from "../../tests/helpers/shopper"

/**
 * tests/helpers/shopper.ts' placeOrder cut in two: everything up to the payment session
 * (done before a round, not timed), and the completion (`POST /store/carts/:id/complete`),
 * which is what the bench paces at 5 orders/s. The full flow at 5 orders/s is ~30 store
 * requests/s, more than this 2-core machine serves next to everything else (checkout took
 * seconds and the rate fell to ~2/s), and the bench is about the live stream, not checkout.
 */
export async function prepareCart(api: any, store: SeededStore, lines: CartLine[], email: string): Promise<string> {
  const headers = { "x-publishable-api-key": store.publishableKey }
  const {
    data: { cart },
  } = await api.post(
    "/store/carts",
    {
      region_id: store.regionId,
      sales_channel_id: store.salesChannelId,
      email,
      items: lines.map((line) => ({ variant_id: store.variants[line.sku].id, quantity: line.quantity })),
      shipping_address: { first_name: "Ada", last_name: "Shopper", address_1: "1 Market Street", city: "Berlin", postal_code: "10115", country_code: store.countryCode },
    },
    { headers }
  )
  const {
    data: { shipping_options },
  } = await api.get(`/store/shipping-options?cart_id=${cart.id}`, { headers })
  await api.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: shipping_options[0].id }, { headers })
  const {
    data: { payment_collection },
  } = await api.post("/store/payment-collections", { cart_id: cart.id }, { headers })
  await api.post(`/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, { headers })
  return cart.id
}

export async function completeCart(api: any, store: SeededStore, cartId: string) {
  const headers = { "x-publishable-api-key": store.publishableKey }
  const { data } = await api.post(`/store/carts/${cartId}/complete`, {}, { headers })
  if (data.type !== "order") throw new Error(`cart ${cartId} did not complete: ${JSON.stringify(data.error ?? data)}`)
  return data.order as { id: string }
}
