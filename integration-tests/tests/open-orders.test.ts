import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { backlogAt, slaBreaches, type FinalStage, type SlaStage } from "../../plugin/src/lib/rhythm"
import { readOpenOrders } from "../../plugin/src/modules/order-rhythm/store/read-open-orders"
import { readOrderFlows } from "../../plugin/src/modules/order-rhythm/store/read-rhythm"

process.env.ORDER_RHYTHM_OPTIONS = JSON.stringify({ timezone: "Europe/Berlin", socket: { port: 0 } })

const NOW = "2026-11-20T12:00:00.000Z"
const NOW_MS = Date.parse(NOW)
const HOUR = 3_600_000
const SLA: Partial<Record<SlaStage, number>> = { captured: 2, fulfilled: 24, shipped: 48, delivered: 96 }

/** A small seeded generator: the same orders on every run. */
function random(seed: number) {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
    return seed / 2_147_483_648
  }
}

/**
 * Order facts of every shape the backlog meets: open and closed at each stage, canceled,
 * stages recorded after `now` (not reached yet from now's point of view), delivered without a
 * recorded shipment, orders placed after now, a deleted row, several channels and locations.
 */
function facts() {
  const next = random(7)
  const at = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())
  const maybe = (p: number, from: number) => (next() < p ? from + next() * 60 * HOUR : null)
  return Array.from({ length: 400 }, (_, i) => {
    const placed = NOW_MS - next() * 20 * 24 * HOUR + (i % 40 === 0 ? 3 * HOUR : 0)
    const firstFulfilled = maybe(0.7, placed)
    const fullyFulfilled = firstFulfilled !== null && next() < 0.7 ? firstFulfilled + next() * 10 * HOUR : null
    const shipped = fullyFulfilled !== null && next() < 0.7 ? fullyFulfilled + next() * 30 * HOUR : null
    const delivered = (shipped ?? (i % 17 === 0 ? placed : null)) !== null && next() < 0.6 ? (shipped ?? placed) + next() * 50 * HOUR : null
    return {
      id: `orfact_test_${i}`,
      order_id: `order_${String(1000 + i)}`,
      sales_channel_id: ["sc_a", "sc_b", null][i % 3],
      stock_location_id: ["loc_1", null][i % 2],
      currency_code: "eur",
      units: 1 + (i % 5),
      placed_at: at(placed),
      canceled_at: next() < 0.1 ? at(placed + next() * 30 * HOUR) : null,
      captured_at: at(maybe(0.8, placed)),
      first_fulfilled_at: at(firstFulfilled),
      fully_fulfilled_at: at(fullyFulfilled),
      fully_shipped_at: at(shipped),
      fully_delivered_at: at(delivered),
      source_updated_at: at(placed),
      deleted_at: i === 5 ? at(placed) : null,
    }
  })
}

medusaIntegrationTestRunner({
  testSuite: ({ getContainer }) => {
    // The app's own knex (the runner's dbConnection is a proxy, not a query builder).
    const db = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    describe("the open orders summed by PostgreSQL", () => {
      it("give the backlog and open-and-late orders the engine gives from every open order's flow", async () => {
        await db()("order_rhythm_order_fact").insert(facts())
        const filters = [{}, { channels: ["sc_a"] }, { channels: [""] }, { channels: ["sc_b", ""] }, { locationId: "loc_1" }]
        let compared = 0
        for (const finalStage of ["fulfilled", "shipped", "delivered"] as FinalStage[]) {
          for (const filter of filters) {
            const summed = await readOpenOrders(db(), { ...filter, finalStage, nowUtc: NOW }, { slaHours: SLA })
            const flows = await readOrderFlows(db(), { ...filter, finalStage, fromUtc: NOW, toUtc: NOW })
            const channels = (filter as { channels?: string[] }).channels
            const engine = backlogAt(flows, NOW, finalStage, { channels })
            const label = `${finalStage} ${JSON.stringify(filter)}`

            expect({ orders: summed.backlog.orders, units: summed.backlog.units, buckets: summed.backlog.ageBuckets }, label).toEqual({
              orders: engine.orders,
              units: engine.units,
              buckets: engine.ageBuckets,
            })
            for (const p of ["p50", "p90", "max"] as const) {
              expect(summed.backlog.ageHours[p], `${label} ${p}`).toBeCloseTo(engine.ageHours[p]!, 9)
            }

            const breaches = slaBreaches(flows, { fromUtc: NOW, toUtc: NOW }, NOW, { finalStage, slaHours: SLA, channels })
            expect(Object.keys(summed.late).sort(), label).toEqual(breaches.map((b) => b.stage).sort())
            for (const stage of breaches) {
              const mine = summed.late[stage.stage]!
              expect(mine.openLate, `${label} ${stage.stage}`).toBe(stage.openLate)
              expect(mine.oldestOpenLate.map((o) => [o.orderId, o.channelId, o.placedAt]), `${label} ${stage.stage}`).toEqual(
                stage.oldestOpenLate.map((o) => [o.orderId, o.channelId, o.placedAt])
              )
              mine.oldestOpenLate.forEach((o, i) => expect(o.overHours).toBeCloseTo(stage.oldestOpenLate[i].overHours, 9))
            }
            compared += engine.orders
          }
        }
        // The data has open orders to compare in every case (not a comparison of empty sets).
        expect(compared).toBeGreaterThan(300)
      })

      it("answers an empty backlog with zeros and no ages", async () => {
        const summed = await readOpenOrders(db(), { channels: ["nowhere"], finalStage: "shipped", nowUtc: NOW }, { slaHours: SLA })
        expect(summed.backlog).toMatchObject({ orders: 0, units: 0, ageHours: { p50: null, p90: null, max: null } })
        expect(summed.backlog.ageBuckets.every((bucket) => bucket.orders === 0 && bucket.units === 0)).toBe(true)
        expect(summed.late.shipped).toEqual({ openLate: 0, oldestOpenLate: [] })
      })
    })
  },
})
