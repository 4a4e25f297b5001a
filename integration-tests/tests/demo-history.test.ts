import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { DateTime } from "luxon"
import { seedDemoStore } from "../src/demo/demo-store"
import { planHistory } from "../src/demo/history-plan"
import { readHistoryProgress, topUpHistory, writeHistory } from "../src/demo/history-writer"
import { createAdmin } from "./helpers/admin"

process.env.ORDER_RHYTHM_OPTIONS = JSON.stringify({ timezone: "Asia/Shanghai", socket: { port: 0 } })

/** A fixed "now" (Friday 00:00 in Shanghai), so the planned history is the same on every run. */
const NOW = new Date("2026-11-26T16:00:00Z")
const ZONE = "Asia/Shanghai"

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    // 56 days written through Medusa's modules, then backfilled: 100-120 s on this 2-core machine.
    it("seeds a history whose heat map shows the store's peaks, whose last 7 days equal Medusa's own tables, and that a later run tops up", async () => {
      const container = getContainer()
      const admin = await createAdmin(container, api)
      const { store } = await seedDemoStore(container)
      const plan = planHistory({ now: NOW, days: 56, seed: 7 })
      await writeHistory(container, store, plan, 7, () => {})
      await api.post("/admin/order-rhythm/reconcile", { from_scratch: true }, { headers: admin.headers })

      // Seeding again reuses the store and the finished history.
      const again = await seedDemoStore(container)
      expect(again.created).toBe(false)
      expect(Object.keys(again.store.variants)).toHaveLength(201)

      const today = DateTime.fromJSDate(NOW, { zone: ZONE }).startOf("day")
      const from = today.minus({ days: 7 })
      const window = `from=${from.toUTC().toISO()}&to=${today.toUTC().toISO()}`
      const { rhythm } = (await api.get(`/admin/order-rhythm/rhythm?${window}&granularity=day`, { headers: admin.headers })).data

      // The heat map: lunch and evening peaks over a quiet night, Friday and Saturday over Sunday and Monday.
      const cells = rhythm.heatMap.cells as Array<Array<{ weekday: number; hour: number; average: number | null; total: number }>>
      const weekdayHour = (hour: number) => [0, 1, 2, 3, 4].reduce((sum, day) => sum + cells[day][hour].total, 0)
      expect(weekdayHour(12)).toBeGreaterThan(weekdayHour(10) * 1.3)
      expect(weekdayHour(12)).toBeGreaterThan(weekdayHour(15) * 1.3)
      expect(weekdayHour(21)).toBeGreaterThan(weekdayHour(17) * 1.3)
      expect(weekdayHour(4) * 10).toBeLessThan(weekdayHour(21))
      const peakHours = new Set((rhythm.heatMap.peaks as Array<{ hour: number }>).map((peak) => peak.hour))
      expect(peakHours.has(12) || peakHours.has(13)).toBe(true)
      expect(peakHours.has(20) || peakHours.has(21)).toBe(true)
      const dayTotal = (weekday: number) => cells[weekday - 1].reduce((sum, cell) => sum + cell.total, 0)
      expect(dayTotal(5) + dayTotal(6)).toBeGreaterThan((dayTotal(7) + dayTotal(1)) * 1.05)

      // The last 7 days, day by day, against the same figures counted from Medusa's tables.
      const medusa = await medusaDailyFigures(dbConnection, from.toJSDate(), today.toJSDate())
      const plugin = (rhythm.series as any[]).map((point) => ({
        day: point.localDate,
        orders: point.orders,
        units: point.units,
        fulfilments: point.fulfilments,
        cancellations: point.cancellations,
        returns: point.returns,
        revenue: roundAll(point.revenue),
      }))
      expect(plugin).toHaveLength(7)
      expect(plugin).toEqual(medusa)
      expect(plugin.reduce((sum, day) => sum + day.orders, 0)).toBeGreaterThan(200)
      expect(plugin.some((day) => day.returns > 0)).toBe(true)
      expect(plugin.some((day) => Object.keys(day.revenue).length === 2)).toBe(true)

      // The demo run again half a day later: its history is topped up to then from the store's
      // own stock, and the plugin's reconciliation cursor finds every added order.
      const later = new Date(NOW.getTime() + 12 * 3_600_000)
      const count = async (sql: string) => (await dbConnection.raw(sql)).rows[0].n
      const ordersBefore = await count(`select count(*)::int as n from "order" where deleted_at is null`)
      const added = await topUpHistory(container, store, (await readHistoryProgress(container))!, () => {}, later)
      expect(added).toBeGreaterThan(5)
      await api.post("/admin/order-rhythm/reconcile", {}, { headers: admin.headers })
      expect(await count(`select count(*)::int as n from order_rhythm_order_fact where deleted_at is null`)).toBe(
        await count(`select count(*)::int as n from "order" where deleted_at is null`)
      )
      expect(await count(`select count(*)::int as n from "order" where created_at > '${later.toISOString()}'`)).toBe(0)
      expect(await count(`select count(*)::int as n from "order" where deleted_at is null`)).toBe(ordersBefore + added)
      expect(await count(`select count(*)::int as n from inventory_level where deleted_at is null and stocked_quantity < reserved_quantity`)).toBe(0)
      expect((await readHistoryProgress(container))!.now).toBe(later.toISOString())
    }, 300_000)
  },
})

/**
 * Per local day, straight from Medusa's order, fulfilment and return tables: orders placed,
 * their units, fulfilments made, orders canceled, returns received, and revenue per
 * currency net of the cancellations and received returns of the day (the demo has no
 * discounts or taxes, so an item's revenue is its unit price times its quantity).
 */
async function medusaDailyFigures(db: any, from: Date, to: Date) {
  const local = (column: string) => `to_char(${column} at time zone '${ZONE}', 'YYYY-MM-DD')`
  const lines = `
    select o.id as order_id, o.currency_code, li.unit_price::numeric as unit_price, oi.quantity::numeric as quantity, li.id as line_id
    from "order" o
    join order_item oi on oi.order_id = o.id and oi.version = o.version and oi.deleted_at is null
    join order_line_item li on li.id = oi.item_id
    where o.deleted_at is null and o.is_draft_order = false`
  const rows = async (sql: string) => (await db.raw(sql, [from, to])).rows
  const placed = await rows(`
    select ${local("o.created_at")} as day, o.currency_code, count(distinct o.id)::int as orders,
           sum(l.quantity)::int as units, sum(l.unit_price * l.quantity)::float8 as revenue
    from "order" o join (${lines}) l on l.order_id = o.id
    where o.created_at >= ? and o.created_at < ? group by 1, 2`)
  const canceled = await rows(`
    select ${local("o.canceled_at")} as day, o.currency_code, count(distinct o.id)::int as cancellations,
           sum(l.unit_price * l.quantity)::float8 as revenue
    from "order" o join (${lines}) l on l.order_id = o.id
    where o.canceled_at >= ? and o.canceled_at < ? group by 1, 2`)
  const fulfilled = await rows(`
    select ${local("f.created_at")} as day, count(*)::int as fulfilments
    from fulfillment f join order_fulfillment of on of.fulfillment_id = f.id and of.deleted_at is null
    where f.canceled_at is null and f.deleted_at is null and f.created_at >= ? and f.created_at < ? group by 1`)
  const returned = await rows(`
    select ${local("r.received_at")} as day, o.currency_code, count(distinct r.id)::int as returns,
           sum(ri.received_quantity::numeric * li.unit_price::numeric)::float8 as revenue
    from "return" r
    join return_item ri on ri.return_id = r.id and ri.deleted_at is null
    join order_line_item li on li.id = ri.item_id
    join "order" o on o.id = r.order_id
    where r.deleted_at is null and r.received_at >= ? and r.received_at < ? group by 1, 2`)

  const days: Record<string, any> = {}
  for (let t = DateTime.fromJSDate(from, { zone: ZONE }); t.toJSDate() < to; t = t.plus({ days: 1 })) {
    const day = t.toISODate()!
    days[day] = { day, orders: 0, units: 0, fulfilments: 0, cancellations: 0, returns: 0, revenue: {} as Record<string, number> }
  }
  const add = (day: string, currency: string, amount: number) => {
    days[day].revenue[currency] = (days[day].revenue[currency] ?? 0) + amount
  }
  for (const row of placed) {
    days[row.day].orders += row.orders
    days[row.day].units += row.units
    add(row.day, row.currency_code, row.revenue)
  }
  for (const row of canceled) {
    days[row.day].cancellations += row.cancellations
    add(row.day, row.currency_code, -row.revenue)
  }
  for (const row of fulfilled) days[row.day].fulfilments += row.fulfilments
  for (const row of returned) {
    days[row.day].returns += row.returns
    add(row.day, row.currency_code, -row.revenue)
  }
  return Object.values(days).map((day) => ({ ...day, revenue: roundAll(day.revenue) }))
}

function roundAll(amounts: Record<string, number>) {
  return Object.fromEntries(
    Object.entries(amounts)
      .filter(([, amount]) => Math.abs(amount) > 1e-9)
      .map(([currency, amount]) => [currency, Math.round(amount * 100) / 100])
  )
}
