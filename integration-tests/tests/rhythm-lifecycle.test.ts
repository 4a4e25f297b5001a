import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import type { SeededStore } from "../src/seed/store"
import { seedWebShop } from "./helpers/store"
import { createAdmin, AdminSession } from "./helpers/admin"
import { placeOrder } from "../src/clients/shopper"
import { Operator } from "../src/clients/operator"
import { waitFor } from "./helpers/wait"
import { allDigests, clearPluginTables, factSnapshot } from "./helpers/facts"

process.env.ORDER_RHYTHM_OPTIONS = JSON.stringify({
  timezone: "Europe/Berlin",
  socket: { port: 0 },
  finalStage: "shipped",
  slaHours: { shipped: 48 },
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let store: SeededStore
    let admin: AdminSession
    let operator: Operator

    const stageKeys = async (orderId: string) =>
      (
        await dbConnection.raw("select key from order_rhythm_stage_fact where order_id = ? order by key", [orderId])
      ).rows.map((row: { key: string }) => row.key.split(":")[0])

    /** Polls until the subscribers have written the stages we expect (they run after the API answers). */
    const settled = async (orderId: string, expected: string[]) => {
      let seen: string[] = []
      try {
        return await waitFor(
          async () => {
            seen = await stageKeys(orderId)
            return JSON.stringify(seen) === JSON.stringify([...expected].sort()) ? seen : null
          },
          20_000,
          `stages of ${orderId}`
        )
      } catch (error) {
        throw new Error(`${(error as Error).message}: expected [${[...expected].sort()}], saw [${seen}]`)
      }
    }

    beforeEach(async () => {
      store = await seedWebShop(getContainer())
      admin = await createAdmin(getContainer(), api)
      operator = new Operator(api, admin.headers)
    })

    /** Order A goes all the way (two parcels, one delivered, one unit back); B is canceled; C waits. */
    async function runLifecycle() {
      const a = await placeOrder(api, store, [
        { sku: "BEANS-250", quantity: 2 },
        { sku: "KETTLE-1", quantity: 1 },
      ])
      const b = await placeOrder(api, store, [{ sku: "FILTER-100", quantity: 3 }])
      const c = await placeOrder(api, store, [{ sku: "BEANS-1000", quantity: 1 }])
      const lineOf = (order: any, sku: string) => order.items.find((item: any) => item.variant_sku === sku).id
      const beans = lineOf(a, "BEANS-250")
      const kettle = lineOf(a, "KETTLE-1")

      await operator.capture(a.id)
      const first = await operator.fulfil(a.id, [{ id: beans, quantity: 2 }])
      const second = await operator.fulfil(a.id, [{ id: kettle, quantity: 1 }])
      await operator.ship(a.id, first, [{ id: beans, quantity: 2 }])
      await operator.ship(a.id, second, [{ id: kettle, quantity: 1 }])
      await operator.deliver(a.id, first)
      await operator.takeBack(a.id, store.stockLocationId, [{ id: beans, quantity: 1 }])
      await operator.cancel(b.id)

      await settled(a.id, [
        "capture",
        "fulfillment",
        "fulfillment",
        "shipment",
        "shipment",
        "delivery",
        "return_requested",
        "return",
      ])
      await settled(b.id, ["cancel"])
      await settled(c.id, [])
      return { a, b, c, first, second }
    }

    it("follows orders through their whole lifecycle into facts, hour buckets and rhythm", async () => {
      const { a, b, c, first, second } = await runLifecycle()

      const { rows: orders } = await dbConnection.raw(
        "select * from order_rhythm_order_fact where order_id in (?, ?, ?)",
        [a.id, b.id, c.id]
      )
      const byId = Object.fromEntries(orders.map((row: any) => [row.order_id, row]))
      expect(byId[a.id]).toMatchObject({ units: 3, fulfilled_units: 3, shipped_units: 3, delivered_units: 2, returned_units: 1 })
      expect(Number(byId[a.id].revenue)).toBe(88.5)
      expect(byId[a.id].stock_location_id).toBe(store.stockLocationId)
      expect(byId[a.id].fully_delivered_at).toBeNull()
      expect(byId[b.id].canceled_at).not.toBeNull()
      expect(byId[c.id].first_fulfilled_at).toBeNull()

      // Each stage carries the time Medusa recorded for its record, not the event's arrival.
      const fulfillments = (await operator.order(a.id)).fulfillments
      const { rows: shipments } = await dbConnection.raw(
        "select source_id, occurred_at from order_rhythm_stage_fact where order_id = ? and stage = 'shipped' order by source_id",
        [a.id]
      )
      for (const shipment of shipments) {
        const medusa = fulfillments.find((f: any) => f.id === shipment.source_id)
        expect(new Date(shipment.occurred_at).toISOString()).toBe(new Date(medusa.shipped_at).toISOString())
      }
      expect(shipments.map((s: any) => s.source_id).sort()).toEqual([first, second].sort())
      expect(new Date(byId[a.id].fully_shipped_at).getTime()).toBe(
        Math.max(...shipments.map((s: any) => new Date(s.occurred_at).getTime()))
      )

      const { rows: totals } = await dbConnection.raw(`
        select sum(orders)::int orders, sum(units)::int units, sum(revenue)::float8 revenue,
               sum(cancellations)::int cancellations, sum(canceled_revenue)::float8 canceled_revenue,
               sum(fulfilments)::int fulfilments, sum(fulfilled_units)::int fulfilled_units,
               sum(shipments)::int shipments, sum(deliveries)::int deliveries,
               sum(returns)::int returns, sum(returned_units)::int returned_units,
               sum(returned_revenue)::float8 returned_revenue, sum(captured)::float8 captured
          from order_rhythm_hour_bucket`)
      expect(totals[0]).toEqual({
        orders: 3,
        units: 7, // 3 + 3 + 1
        revenue: 88.5 + 18 + 38,
        cancellations: 1,
        canceled_revenue: 18,
        fulfilments: 2,
        fulfilled_units: 3,
        shipments: 2,
        deliveries: 1,
        returns: 1,
        returned_units: 1,
        returned_revenue: 12,
        captured: 93.5, // 88.5 of items + 5 of shipping
      })

      const { data } = await api.get("/admin/order-rhythm/rhythm?granularity=day", { headers: admin.headers })
      const rhythm = data.rhythm
      expect(rhythm.timezone).toBe("Europe/Berlin")
      // A is fully shipped (the final stage), B canceled: only C is waiting.
      expect(rhythm.backlog.orders).toBe(1)
      expect(rhythm.backlog.units).toBe(1)
      const today = rhythm.series[rhythm.series.length - 1]
      expect(today.orders).toBe(3)
      // Net of the canceled order and the returned unit.
      expect(today.revenue.eur).toBeCloseTo(88.5 + 18 + 38 - 18 - 12, 6)
      expect(rhythm.series.length).toBeGreaterThanOrEqual(7)
      expect(rhythm.heatMap.cells.flat().some((cell: any) => cell.average > 0)).toBe(true)

      // Cycle times from the stored digests: A shipped in full (the final stage), C still waits,
      // B is canceled and waits for nothing. The hours match the stored instants to 1%.
      const shippedHours = (new Date(byId[a.id].fully_shipped_at).getTime() - new Date(byId[a.id].placed_at).getTime()) / 3_600_000
      expect(rhythm.cycleTimes.final).toMatchObject({ stage: "shipped", n: 1, pending: 1 })
      expect(Math.abs(rhythm.cycleTimes.final.p50 - shippedHours)).toBeLessThanOrEqual(shippedHours * 0.01 + 1e-9)
      expect(rhythm.cycleTimes.firstFulfilment).toMatchObject({ n: 1, pending: 1 })
      expect(rhythm.sla).toEqual([expect.objectContaining({ stage: "shipped", targetHours: 48, completed: 1, completedLate: 0, openLate: 0 })])
      // A window that starts in the middle of the orders' hour reads that hour's orders raw.
      const cut = new Date(new Date(byId[a.id].placed_at).getTime() + 1).toISOString()
      const edge = (await api.get(`/admin/order-rhythm/rhythm?from=${cut}`, { headers: admin.headers })).data.rhythm
      expect(edge.cycleTimes.final).toMatchObject({ n: 0, pending: 1 }) // A placed before the cut, C after

      // The digests kept up by each ingest, once the blocks above the hours are recounted, equal
      // a rebuild from the facts.
      const rhythmModule = getContainer().resolve("orderRhythm") as any
      expect(await rhythmModule.ingestion.ensureFlowDigests()).toBe("ready")
      expect((await dbConnection.raw("select count(*)::int as n from order_rhythm_stale_digest")).rows[0].n).toBe(0)
      const kept = await allDigests(dbConnection)
      expect(new Set(kept.map((row: any) => row.block_hours)).size).toBe(6)
      await dbConnection.raw("delete from order_rhythm_flow_digest")
      await dbConnection.raw("delete from order_rhythm_state where key = 'flow_digests'")
      expect(await rhythmModule.ingestion.ensureFlowDigests()).toBe("rebuilt")
      expect(await allDigests(dbConnection)).toEqual(kept)
    })

    it("converges to the same state from duplicate, reordered and missed events", async () => {
      const { a, b, first } = await runLifecycle()
      // Ingests only mark their hours' cycle-time digests stale; recount them before comparing.
      const recountedSnapshot = async () => {
        await (getContainer().resolve("orderRhythm") as any).ingestion.ensureFlowDigests()
        return factSnapshot(dbConnection)
      }
      const live = await recountedSnapshot()
      const container = getContainer()
      const eventBus = container.resolve(Modules.EVENT_BUS)
      const order = await operator.order(a.id)
      const paymentId = order.payment_collections[0].payments[0].id

      // The same events again, newest first, each twice.
      const replay = [
        { name: "order.canceled", data: { id: b.id } },
        { name: "delivery.created", data: { id: first } },
        { name: "shipment.created", data: { id: first } },
        { name: "payment.captured", data: { id: paymentId } },
        { name: "order.placed", data: { id: a.id } },
      ]
      for (const event of [...replay, ...replay]) {
        await eventBus.emit(event)
      }
      const { ingestOrdersWorkflow } = require("order-rhythm/workflows")
      await ingestOrdersWorkflow(container).run({ input: { order_ids: [a.id, b.id, a.id] } })
      await new Promise((resolve) => setTimeout(resolve, 1500))
      expect(await recountedSnapshot()).toEqual(live)

      // Missed entirely: wipe what the plugin knows and let reconciliation rebuild it from Medusa.
      await clearPluginTables(dbConnection)
      const { data } = await api.post("/admin/order-rhythm/reconcile", { from_scratch: true }, { headers: admin.headers })
      expect(data.reconciliation.processed).toBe(3)
      expect(await recountedSnapshot()).toEqual(live)
    })

    it("picks up orders that emitted no event (createOrderWorkflow) on reconciliation", async () => {
      const { createOrderWorkflow } = require("@medusajs/medusa/core-flows")
      const { result } = await createOrderWorkflow(getContainer()).run({
        input: {
          region_id: store.regionId,
          sales_channel_id: store.salesChannelId,
          email: "phone-order@example.com",
          currency_code: "eur",
          items: [{ variant_id: store.variants["BEANS-1000"].id, quantity: 2 }],
        },
      })
      await new Promise((resolve) => setTimeout(resolve, 500))
      const before = await dbConnection.raw("select 1 from order_rhythm_order_fact where order_id = ?", [result.id])
      expect(before.rows).toHaveLength(0)

      const { data } = await api.post("/admin/order-rhythm/reconcile", {}, { headers: admin.headers })
      expect(data.reconciliation.processed).toBeGreaterThanOrEqual(1)
      const { rows } = await dbConnection.raw("select units, revenue from order_rhythm_order_fact where order_id = ?", [result.id])
      expect(rows).toEqual([{ units: 2, revenue: "76" }])

      // Nothing changed since: a second run reads nothing.
      const again = await api.post("/admin/order-rhythm/reconcile", {}, { headers: admin.headers })
      expect(again.data.reconciliation.processed).toBe(0)
    })

    it("answers a bad rhythm request with a 400 that names the problem", async () => {
      const get = (query: string) =>
        api.get(`/admin/order-rhythm/rhythm?${query}`, { headers: admin.headers }).catch((error: any) => error.response)

      const inverted = await get("from=2026-11-20T00:00:00Z&to=2026-11-10T00:00:00Z")
      expect(inverted.status).toBe(400)
      expect(inverted.data.message).toContain("from must be before to")

      const unknown = await get("sales_channel_id=sc_does_not_exist")
      expect(unknown.status).toBe(400)
      expect(unknown.data.message).toContain("unknown sales channel sc_does_not_exist")

      const granularity = await get("granularity=minute")
      expect(granularity.status).toBe(400)
      expect(granularity.data.message).toContain("granularity")

      const notADate = await get("from=yesterday")
      expect(notADate.status).toBe(400)
      expect(notADate.data.message).toContain("from: must be an ISO 8601 date-time")

      const unauthenticated = await api.get("/admin/order-rhythm/rhythm").catch((error: any) => error.response)
      expect(unauthenticated.status).toBe(401)

      const scoped = await get(`sales_channel_id=${store.salesChannelId}`)
      expect(scoped.status).toBe(200)
    })
  },
})
