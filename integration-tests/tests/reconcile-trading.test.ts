import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import type { SeededStore } from "../src/seed/store"
import { seedWebShop } from "./helpers/store"
import { createAdmin, AdminSession } from "./helpers/admin"
import { placeOrder } from "../src/clients/shopper"
import { waitFor } from "./helpers/wait"

process.env.ORDER_RHYTHM_OPTIONS = JSON.stringify({ timezone: "Europe/Berlin", socket: { port: 0 }, reconcile: { scheduled: false } })

const HISTORY = 150

/**
 * A backfill in the process that serves the shop (Medusa's default, one process) must not
 * starve its checkouts: while order events arrive, the reconciliation takes small batches and rests
 * between them (workflows/reconcile/reconcile-orders.ts). Here its batch count shows which way it went.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let store: SeededStore
    let admin: AdminSession

    beforeEach(async () => {
      store = await seedWebShop(getContainer())
      admin = await createAdmin(getContainer(), api)
    })

    const reconcileFromScratch = async () => {
      const started = Date.now()
      const { data } = await api.post("/admin/order-rhythm/reconcile", { from_scratch: true }, { headers: admin.headers })
      return { ...data.reconciliation, ms: Date.now() - started }
    }
    const factCount = async () => Number((await dbConnection.raw("select count(*) from order_rhythm_order_fact")).rows[0].count)
    const status = async () => (await api.get("/admin/order-rhythm/status", { headers: admin.headers })).data.status

    it("reconciles history in full batches while the shop is quiet, and in small ones with rests once it trades", async () => {
      // History the plugin has not seen: orders written through the Order module emit no event.
      const orders = getContainer().resolve(Modules.ORDER)
      await orders.createOrders(
        Array.from({ length: HISTORY }, (_, i) => ({
          currency_code: "eur",
          region_id: store.regionId,
          sales_channel_id: store.salesChannelId,
          email: `history${i}@example.com`,
          items: [{ title: "Espresso Beans", quantity: 1 + (i % 3), unit_price: 12, variant_id: store.variants["BEANS-250"].id }],
          created_at: new Date(Date.now() - (i + 1) * 3_600_000),
        })) as any
      )

      // Before any reconciliation the operator sees the history the plugin has yet to take in.
      expect(await status()).toMatchObject({ orders: { in_medusa: HISTORY, in_facts: 0 }, reconciliation: { orders: { state: "never" } } })

      // No order event in this process yet: one batch of up to 500.
      const quiet = await reconcileFromScratch()
      expect(quiet).toMatchObject({ processed: HISTORY, batches: 1 })
      expect(await factCount()).toBe(HISTORY)
      expect(await status()).toMatchObject({
        orders: { in_medusa: HISTORY, in_facts: HISTORY },
        reconciliation: { orders: { state: "finished", processed: HISTORY, total: HISTORY, share: 1, error: null }, stock_levels: { state: "finished" } },
      })

      // A shopper checks out: the store trades, and the same reconciliation gives way.
      const live = await placeOrder(api, store, [{ sku: "BEANS-250", quantity: 1 }], "live@example.com")
      await waitFor(async () => (await dbConnection.raw("select 1 from order_rhythm_order_fact where order_id = ?", [live.id])).rows.length > 0, 20_000, "the live order's facts")
      const trading = await reconcileFromScratch()
      expect(trading).toMatchObject({ processed: HISTORY + 1, batches: 2 })
      expect(await factCount()).toBe(HISTORY + 1)
      // It rested after its first batch of 100: twice as long as that batch took, so longer than the quiet run's one batch.
      expect(trading.ms).toBeGreaterThan(quiet.ms)

      // The same run as Medusa Admin follows it: started without waiting, seen running part-way
      // (it rests between its batches while the store trades), then finished in full.
      await api.post("/admin/order-rhythm/reconcile", { from_scratch: true, wait: false }, { headers: admin.headers })
      const running = await waitFor(async () => {
        const now = await status()
        return now.reconciliation.orders.state === "running" && now.reconciliation.orders.processed > 0 ? now.reconciliation.orders : null
      }, 20_000, "the reconciliation seen running with a batch in")
      expect(running.total).toBe(HISTORY + 1)
      expect(running.processed).toBeLessThan(HISTORY + 1)
      expect(running.per_second).toBeGreaterThan(0)
      expect(running.eta_seconds).toBeGreaterThan(0)
      await waitFor(async () => (await status()).reconciliation.orders.state === "finished", 30_000, "the reconciliation finished")
      expect(await status()).toMatchObject({
        orders: { in_medusa: HISTORY + 1, in_facts: HISTORY + 1 },
        reconciliation: { orders: { state: "finished", processed: HISTORY + 1, total: HISTORY + 1, share: 1 } },
      })
    })
  },
})
