import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import type { SeededStore } from "../src/seed/store"
import { seedWebShop } from "./helpers/store"
import { createAdmin, AdminSession } from "./helpers/admin"
import { placeOrder } from "../src/clients/shopper"

process.env.ORDER_RHYTHM_OPTIONS = JSON.stringify({ timezone: "Europe/Berlin", socket: { port: 0 }, reconcile: { scheduled: false } })

const DAY_MS = 86_400_000
const READERS = 4
const HISTORY = 600

/**
 * The rhythm API while history is being recounted: a backfill writes orders into past hours (each
 * batch changes the closed hours' generation and so empties the process's copy of them) while
 * several clients read the rhythm in a loop. No read may fail, and once the writes
 * stop the figures the copy gives equal those read straight from the store.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: SeededStore
    let admin: AdminSession

    beforeEach(async () => {
      store = await seedWebShop(getContainer())
      admin = await createAdmin(getContainer(), api)
    })

    it("answers every rhythm read while a backfill rewrites history, and settles on the store's figures", async () => {
      const orders = getContainer().resolve(Modules.ORDER)
      const now = Date.now()
      // History the plugin has not seen (the Order module emits no event): spread over days 3 to 20
      // back, so all of it lies in closed hours, which each process holds in its copy.
      for (let batch = 0; batch < HISTORY / 200; batch++) {
        await orders.createOrders(
          Array.from({ length: 200 }, (_, j) => {
            const i = batch * 200 + j
            return {
              currency_code: "eur",
              region_id: store.regionId,
              sales_channel_id: store.salesChannelId,
              email: `history${i}@example.com`,
              items: [{ title: "Espresso Beans", quantity: 1 + (i % 3), unit_price: 12, variant_id: store.variants["BEANS-250"].id }],
              created_at: new Date(now - 3 * DAY_MS - ((i * 7919) % (17 * 24)) * 3_600_000),
            }
          }) as any
        )
      }
      // A shopper checks out: the store trades, so the backfill reads in batches of 100 with rests,
      // and each batch changes past hours (a new generation: the copy is emptied).
      await placeOrder(api, store, [{ sku: "BEANS-250", quantity: 1 }], "live@example.com")
      // Copy the closed hours again at once after a change (the default waits until history stands
      // still): every batch then empties a copy that the readers are filling.
      const rhythm = getContainer().resolve("orderRhythm") as any
      rhythm.figures.closedHours.stableForMs = 0

      const yesterday = new Date(Math.floor(now / DAY_MS) * DAY_MS - DAY_MS).toISOString()
      const daysBack = (days: number) => new Date(now - days * DAY_MS).toISOString()
      // Windows that reach back differently far, so one reader's refill does not cover another's.
      const paths = [
        `/admin/order-rhythm/rhythm?from=${daysBack(21)}&to=${yesterday}&granularity=hour`,
        `/admin/order-rhythm/rhythm`,
        `/admin/order-rhythm/rhythm?from=${daysBack(90)}&to=${yesterday}&granularity=day`,
        `/admin/order-rhythm/rhythm?from=${daysBack(14)}&to=${daysBack(10)}&granularity=hour`,
      ]
      const failures: Array<{ path: string; status: number; body: unknown }> = []
      let reads = 0
      let backfilling = true
      const reader = async (n: number) => {
        for (let i = n; backfilling; i++) {
          const path = paths[i % paths.length]
          const response = await api.get(path, { headers: admin.headers, validateStatus: () => true })
          reads += 1
          if (response.status !== 200) failures.push({ path, status: response.status, body: response.data })
        }
      }
      const readers = Array.from({ length: READERS }, (_, n) => reader(n))
      const { data } = await api.post("/admin/order-rhythm/reconcile", { from_scratch: true, wait: true }, { headers: admin.headers })
      backfilling = false
      await Promise.all(readers)

      expect(data.reconciliation.batches).toBeGreaterThanOrEqual(HISTORY / 100)
      expect(failures).toEqual([])
      expect(reads).toBeGreaterThanOrEqual(data.reconciliation.batches)

      const figures = async () => {
        const { rhythm: report } = (await api.get(paths[0], { headers: admin.headers })).data
        return { series: report.series, heatMap: report.heatMap, revenue: report.revenue }
      }
      const cached = await figures()
      // Straight from the store: a copy that must always wait reads every hour from PostgreSQL.
      rhythm.figures.closedHours.stableForMs = Infinity
      const fresh = await figures()
      expect(cached).toEqual(fresh)
      expect(fresh.series.reduce((sum: number, point: { orders: number }) => sum + point.orders, 0)).toBe(HISTORY)
    })
  },
})
