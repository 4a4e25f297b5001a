import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { DateTime } from "luxon"
import type { SeededStore } from "../src/seed/store"
import { seedWebShop } from "./helpers/store"
import { createAdmin, AdminSession } from "./helpers/admin"
import { placeOrder } from "../src/clients/shopper"
import { waitFor } from "./helpers/wait"

const TIMEZONE = "Asia/Shanghai"
process.env.ORDER_RHYTHM_OPTIONS = JSON.stringify({ timezone: TIMEZONE, socket: { port: 0 } })

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let store: SeededStore
    let admin: AdminSession
    const today = () => DateTime.now().setZone(TIMEZONE).toISODate()!

    beforeEach(async () => {
      store = await seedWebShop(getContainer(), { locationName: "Berlin" })
      admin = await createAdmin(getContainer(), api)
    })

    const snapshots = async (itemId: string) =>
      (
        await dbConnection.raw(
          "select stocked, reserved, incoming from order_rhythm_inventory_snapshot where inventory_item_id = ? order by observed_at",
          [itemId]
        )
      ).rows
    const variantDay = async (variantId: string, date: string) =>
      (
        await dbConnection.raw(
          "select units_demanded, units_returned, stock_end, out_of_stock from order_rhythm_variant_day where variant_id = ? and local_date = ? and location_id = ?",
          [variantId, date, store.stockLocationId]
        )
      ).rows[0]

    it("keeps stock history per item and location, and each day's demand and stock per variant", async () => {
      const kettle = store.variants["KETTLE-1"]
      await api.post("/admin/order-rhythm/reconcile", {}, { headers: admin.headers })
      expect(await snapshots(kettle.inventoryItemId)).toEqual([{ stocked: 40, reserved: 0, incoming: 0 }])

      const order = await placeOrder(api, store, [{ sku: "KETTLE-1", quantity: 3 }])
      await waitFor(async () => (await snapshots(kettle.inventoryItemId)).length === 2, 15_000, "the reservation's snapshot")
      expect((await snapshots(kettle.inventoryItemId))[1]).toEqual({ stocked: 40, reserved: 3, incoming: 0 })
      await waitFor(async () => (await variantDay(kettle.id, today()))?.units_demanded === 3, 15_000, "today's demand")
      expect(await variantDay(kettle.id, today())).toEqual({ units_demanded: 3, units_returned: 0, stock_end: 37, out_of_stock: false })

      const { rows: lines } = await dbConnection.raw(
        "select stock_location_id, inventory_items from order_rhythm_order_line_fact where order_id = ?",
        [order.id]
      )
      expect(lines).toEqual([
        { stock_location_id: store.stockLocationId, inventory_items: [{ inventory_item_id: kettle.inventoryItemId, required_quantity: 1 }] },
      ])

      // The warehouse counts stock and finds only the three reserved kettles: sold out.
      await api.post(
        `/admin/inventory-items/${kettle.inventoryItemId}/location-levels/${store.stockLocationId}`,
        { stocked_quantity: 3 },
        { headers: admin.headers }
      )
      await waitFor(async () => (await variantDay(kettle.id, today()))?.out_of_stock === true, 15_000, "the stock-out")
      expect(await variantDay(kettle.id, today())).toMatchObject({ stock_end: 0, out_of_stock: true })

      // Seen again, the same levels add nothing.
      const before = (await snapshots(kettle.inventoryItemId)).length
      await api.post("/admin/order-rhythm/reconcile", { from_scratch: true }, { headers: admin.headers })
      const eventBus = getContainer().resolve(Modules.EVENT_BUS)
      await eventBus.emit({ name: "inventory-item.updated", data: { id: kettle.inventoryItemId } })
      await new Promise((resolve) => setTimeout(resolve, 1000))
      expect((await snapshots(kettle.inventoryItemId)).length).toBe(before)
    })

    it("stores the stock of days before the plugin saw any as unknown, never as zero", async () => {
      const beans = store.variants["BEANS-250"]
      const weekAgo = DateTime.now().setZone(TIMEZONE).minus({ days: 7 }).set({ hour: 12 })
      const orders = getContainer().resolve(Modules.ORDER)
      await orders.createOrders([
        {
          currency_code: "eur",
          region_id: store.regionId,
          sales_channel_id: store.salesChannelId,
          email: "history@example.com",
          items: [{ title: "Espresso Beans", quantity: 2, unit_price: 12, variant_id: beans.id }],
          created_at: weekAgo.toJSDate(),
        } as any,
      ])
      await api.post("/admin/order-rhythm/reconcile", {}, { headers: admin.headers })
      // No reservation for a backdated order: its demand counts where no location is known.
      const { rows } = await dbConnection.raw(
        "select location_id, units_demanded, stock_end, out_of_stock from order_rhythm_variant_day where variant_id = ? and local_date = ?",
        [beans.id, weekAgo.toISODate()]
      )
      expect(rows).toEqual([{ location_id: "", units_demanded: 2, stock_end: null, out_of_stock: null }])
    })
  },
})
