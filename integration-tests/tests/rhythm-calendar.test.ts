import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { DateTime } from "luxon"
import type { SeededStore } from "../src/seed/store"
import { seedWebShop } from "./helpers/store"
import { createAdmin, AdminSession } from "./helpers/admin"
import { waitFor } from "./helpers/wait"

process.env.ORDER_RHYTHM_OPTIONS = JSON.stringify({ timezone: "Europe/Berlin", socket: { port: 0 } })

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let store: SeededStore
    let admin: AdminSession

    beforeEach(async () => {
      store = await seedWebShop(getContainer(), { locationName: "Berlin" })
      admin = await createAdmin(getContainer(), api)
    })

    /** Orders of the past, made through the Order module with the time they were placed. */
    async function historicOrder(createdAt: string) {
      const orders = getContainer().resolve(Modules.ORDER)
      const [order] = await orders.createOrders([
        {
          currency_code: "eur",
          region_id: store.regionId,
          sales_channel_id: store.salesChannelId,
          email: "history@example.com",
          items: [{ title: "Espresso Beans", quantity: 1, unit_price: 12, variant_id: store.variants["BEANS-250"].id }],
          created_at: new Date(createdAt),
        } as any,
      ])
      return order
    }

    it("keeps the autumn DST hour that happens twice as two hours", async () => {
      // 2026-10-25 in Berlin: 02:00-03:00 happens twice (CEST, then CET).
      await historicOrder("2026-10-25T00:30:00Z") // 02:30 CEST
      await historicOrder("2026-10-25T01:30:00Z") // 02:30 CET
      await historicOrder("2026-10-25T10:00:00Z") // 11:00 CET
      await api.post("/admin/order-rhythm/reconcile", { from_scratch: true }, { headers: admin.headers })

      const { rows } = await dbConnection.raw(
        "select hour_start, local_date, local_hour, orders from order_rhythm_hour_bucket where orders > 0 order by hour_start"
      )
      expect(rows.map((row: any) => [new Date(row.hour_start).toISOString(), row.local_date, row.local_hour, row.orders])).toEqual([
        ["2026-10-25T00:00:00.000Z", "2026-10-25", 2, 1],
        ["2026-10-25T01:00:00.000Z", "2026-10-25", 2, 1],
        ["2026-10-25T10:00:00.000Z", "2026-10-25", 11, 1],
      ])

      const window = "from=2026-10-24T22:00:00Z&to=2026-10-25T23:00:00Z"
      const hourly = (await api.get(`/admin/order-rhythm/rhythm?${window}&granularity=hour`, { headers: admin.headers })).data.rhythm
      expect(hourly.series).toHaveLength(25)
      const twoAm = hourly.series.filter((point: any) => point.label.startsWith("02:00"))
      expect(twoAm.map((point: any) => point.orders)).toEqual([1, 1])
      expect(twoAm[0].label).not.toBe(twoAm[1].label)

      const daily = (await api.get(`/admin/order-rhythm/rhythm?${window}&granularity=day`, { headers: admin.headers })).data.rhythm
      expect(daily.series).toHaveLength(1)
      expect(daily.series[0]).toMatchObject({ localDate: "2026-10-25", hours: 25, orders: 3 })
      // A whole past day comes from the day buckets, a part day from its hours: the same figures.
      const partDay = (await api.get(`/admin/order-rhythm/rhythm?from=2026-10-24T22:30:00Z&to=2026-10-25T23:00:00Z&granularity=day`, { headers: admin.headers })).data.rhythm
      expect(partDay.series[0]).toMatchObject({ localDate: "2026-10-25", hours: 24, orders: 3 })
      const { rows: days } = await dbConnection.raw("select local_date, orders from order_rhythm_day_bucket where orders > 0")
      expect(days).toEqual([{ local_date: "2026-10-25", orders: 3 }])

      // The heat map, summed per hour-of-week by PostgreSQL: both 02:00 hours are Sunday 02:00.
      const sunday = hourly.heatMap.cells[6].map((cell: any) => cell.total)
      expect(sunday[2]).toBe(2)
      expect(sunday[11]).toBe(1)
      expect(hourly.heatMap.cells.flat().reduce((sum: number, cell: any) => sum + cell.total, 0)).toBe(3)
    })

    it("shows an order that arrives late in a past hour, though past hours are read from the process's copy", async () => {
      const placed = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 - 3 * 86_400_000 + 30 * 60_000)
      const hourStart = new Date(placed.getTime() - 30 * 60_000).toISOString()
      // Past hours are copied as soon as they change, not after they have stood for a while.
      const closedHours = (getContainer().resolve("orderRhythm") as any).figures.closedHours
      const stableForMs = closedHours.stableForMs
      closedHours.stableForMs = 0
      try {
        await lateOrderShows(placed, hourStart)
      } finally {
        closedHours.stableForMs = stableForMs
      }
    })

    async function lateOrderShows(placed: Date, hourStart: string) {
      const token = async () =>
        (await dbConnection.raw("select value #>> '{}' as token from order_rhythm_state where key = 'closed_hours_generation'")).rows[0]?.token
      const report = async () => {
        const to = new Date().toISOString()
        const from = new Date(Date.now() - 7 * 86_400_000).toISOString()
        const { rhythm } = (await api.get(`/admin/order-rhythm/rhythm?from=${from}&to=${to}&granularity=hour`, { headers: admin.headers })).data
        const local = DateTime.fromJSDate(placed, { zone: "Europe/Berlin" })
        return {
          orders: rhythm.series.find((point: any) => point.startUtc === hourStart)?.orders,
          heat: rhythm.heatMap.cells[local.weekday - 1][local.hour].total,
        }
      }

      await historicOrder(placed.toISOString())
      await api.post("/admin/order-rhythm/reconcile", { from_scratch: true }, { headers: admin.headers })
      const first = await token()
      expect(first).toBeDefined()
      // Read twice: the second comes from the copy of the hours that are over.
      expect(await report()).toEqual({ orders: 1, heat: 1 })
      expect(await report()).toEqual({ orders: 1, heat: 1 })

      // Counting everything again changes no hour: the copy stands.
      await api.post("/admin/order-rhythm/reconcile", { from_scratch: true }, { headers: admin.headers })
      expect(await token()).toBe(first)

      // A second order in that hour, found by reconciliation: the next read shows it.
      await historicOrder(new Date(placed.getTime() + 60_000).toISOString())
      await api.post("/admin/order-rhythm/reconcile", {}, { headers: admin.headers })
      expect(await report()).toEqual({ orders: 2, heat: 2 })
      expect(await token()).not.toBe(first)
    }

    it("relabels the hour buckets when the store's time zone changes", async () => {
      await historicOrder("2026-06-01T22:30:00Z")
      await api.post("/admin/order-rhythm/reconcile", { from_scratch: true }, { headers: admin.headers })
      const rhythm = getContainer().resolve("orderRhythm") as any
      const label = async () =>
        (await dbConnection.raw("select local_date, local_hour from order_rhythm_hour_bucket where orders > 0")).rows[0]
      expect(await label()).toEqual({ local_date: "2026-06-02", local_hour: 0 })

      const previous = rhythm.options.timezone
      rhythm.options.timezone = "America/New_York"
      try {
        expect(await rhythm.ingestion.ensureBucketLabels()).toBeGreaterThan(0)
        expect(await label()).toEqual({ local_date: "2026-06-01", local_hour: 18 })
        // The days are cut again by the new labels.
        expect((await dbConnection.raw("select local_date from order_rhythm_day_bucket where orders > 0")).rows).toEqual([{ local_date: "2026-06-01" }])
        expect(await rhythm.ingestion.ensureBucketLabels()).toBe(0)
      } finally {
        rhythm.options.timezone = previous
        await rhythm.ingestion.ensureBucketLabels()
      }
    })

    it("counts a draft order only once it is converted into an order", async () => {
      const h = { headers: admin.headers }
      const {
        data: { draft_order: draft },
      } = await api.post(
        "/admin/draft-orders",
        {
          email: "phone@example.com",
          region_id: store.regionId,
          sales_channel_id: store.salesChannelId,
          items: [{ variant_id: store.variants["KETTLE-1"].id, quantity: 1 }],
          shipping_address: { first_name: "A", last_name: "B", address_1: "1 Street", city: "Berlin", postal_code: "10115", country_code: "de" },
        },
        h
      )
      // order.updated fires for drafts too; the plugin must not count them.
      const eventBus = getContainer().resolve(Modules.EVENT_BUS)
      await eventBus.emit({ name: "order.updated", data: { id: draft.id } })
      await new Promise((resolve) => setTimeout(resolve, 1000))
      const count = async () =>
        Number((await dbConnection.raw("select count(*) from order_rhythm_order_fact where order_id = ?", [draft.id])).rows[0].count)
      expect(await count()).toBe(0)

      await api.post(`/admin/draft-orders/${draft.id}/convert-to-order`, {}, h)
      await waitFor(async () => (await count()) === 1, 15_000, "the converted draft to be counted")
      await api.post("/admin/order-rhythm/reconcile", {}, h)
      expect(await count()).toBe(1)
      const { rows } = await dbConnection.raw("select units, revenue from order_rhythm_order_fact where order_id = ?", [draft.id])
      expect(rows).toEqual([{ units: 1, revenue: "64.5" }])
    })
  },
})
