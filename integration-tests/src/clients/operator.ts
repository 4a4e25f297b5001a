/**
 * What a store operator does to an order in Medusa Admin, through the admin API:
 * capture, fulfil (in parts), ship, deliver, take a return back, cancel.
 */
export class Operator {
  constructor(private api: any, private headers: Record<string, string>) {}

  async order(orderId: string, fields = "*items,*fulfillments,*payment_collections.payments") {
    const { data } = await this.api.get(`/admin/orders/${orderId}?fields=${fields}`, { headers: this.headers })
    return data.order
  }

  async capture(orderId: string) {
    const order = await this.order(orderId)
    const payment = order.payment_collections[0].payments[0]
    await this.api.post(`/admin/payments/${payment.id}/capture`, {}, { headers: this.headers })
    return payment.id as string
  }

  async fulfil(orderId: string, items: Array<{ id: string; quantity: number }>, locationId?: string) {
    const before = new Set(((await this.order(orderId)).fulfillments ?? []).map((f: any) => f.id))
    await this.api.post(
      `/admin/orders/${orderId}/fulfillments`,
      { items, ...(locationId ? { location_id: locationId } : {}) },
      { headers: this.headers }
    )
    const after = (await this.order(orderId)).fulfillments
    return after.find((f: any) => !before.has(f.id)).id as string
  }

  async ship(orderId: string, fulfillmentId: string, items: Array<{ id: string; quantity: number }>) {
    await this.api.post(`/admin/orders/${orderId}/fulfillments/${fulfillmentId}/shipments`, { items }, { headers: this.headers })
  }

  async deliver(orderId: string, fulfillmentId: string) {
    await this.api.post(`/admin/orders/${orderId}/fulfillments/${fulfillmentId}/mark-as-delivered`, {}, { headers: this.headers })
  }

  async takeBack(orderId: string, locationId: string, items: Array<{ id: string; quantity: number }>) {
    const h = { headers: this.headers }
    const {
      data: { return: created },
    } = await this.api.post("/admin/returns", { order_id: orderId, location_id: locationId }, h)
    await this.api.post(`/admin/returns/${created.id}/request-items`, { items }, h)
    await this.api.post(`/admin/returns/${created.id}/request`, {}, h)
    await this.api.post(`/admin/returns/${created.id}/receive`, {}, h)
    await this.api.post(`/admin/returns/${created.id}/receive-items`, { items }, h)
    await this.api.post(`/admin/returns/${created.id}/receive/confirm`, {}, h)
    return created.id as string
  }

  async cancel(orderId: string) {
    await this.api.post(`/admin/orders/${orderId}/cancel`, {}, { headers: this.headers })
  }
}
