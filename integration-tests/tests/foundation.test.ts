import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { SeededStore } from "../src/seed/store"
import { seedWebShop } from "./helpers/store"
import { placeOrder } from "../src/clients/shopper"
import { waitFor } from "./helpers/wait"
import { runMedusa } from "./helpers/medusa-process"

// Read by medusa-config.js when the runner loads it; each test file runs in its own process.
process.env.ORDER_RHYTHM_OPTIONS = JSON.stringify({ timezone: "Europe/Berlin", socket: { port: 0 } })

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection, dbConfig }) => {
    let store: SeededStore

    beforeEach(async () => {
      store = await seedWebShop(getContainer())
    })

    it("creates the module's tables when the app migrates", async () => {
      const { rows } = await dbConnection.raw(
        "select table_name from information_schema.tables where table_name like 'order_rhythm_%' order by table_name"
      )
      expect(rows.map((row: { table_name: string }) => row.table_name)).toEqual([
        "order_rhythm_day_bucket",
        "order_rhythm_display_token",
        "order_rhythm_exchange_rate",
        "order_rhythm_flow_digest",
        "order_rhythm_forecast_point",
        "order_rhythm_forecast_state",
        "order_rhythm_hour_bucket",
        "order_rhythm_inventory_snapshot",
        "order_rhythm_order_fact",
        "order_rhythm_order_line_fact",
        "order_rhythm_stage_fact",
        "order_rhythm_stale_digest",
        "order_rhythm_state",
        "order_rhythm_variant_day",
        "order_rhythm_variant_item",
      ])
    })

    it("parses the plugin options the app was configured with", async () => {
      const rhythm = getContainer().resolve("orderRhythm") as any
      expect(rhythm.options.timezone).toBe("Europe/Berlin")
      expect(rhythm.options.socket.port).toBe(0)
      expect(rhythm.options.leadTimeDays).toBe(7)
    })

    it("turns an order placed through the store API into order and line facts", async () => {
      const order = await placeOrder(api, store, [
        { sku: "BEANS-250", quantity: 2 },
        { sku: "KETTLE-1", quantity: 1 },
      ])

      const fact = await waitFor(
        async () =>
          (
            await dbConnection.raw("select * from order_rhythm_order_fact where order_id = ?", [order.id])
          ).rows[0],
        15_000,
        "the order.placed subscriber to write the order's facts"
      )
      expect(fact.sales_channel_id).toBe(store.salesChannelId)
      expect(fact.region_id).toBe(store.regionId)
      expect(fact.currency_code).toBe("eur")
      expect(fact.units).toBe(3)
      // 2 x 12 + 64.5: items after discounts, without tax and shipping (the region has no tax).
      expect(Number(fact.revenue)).toBe(88.5)
      expect(Number(fact.display_id)).toBe(order.display_id)

      const { rows: lines } = await dbConnection.raw(
        "select sku, title, quantity, unit_price, net_amount from order_rhythm_order_line_fact where order_id = ? order by sku",
        [order.id]
      )
      expect(lines.map((line: any) => [line.sku, line.quantity, Number(line.unit_price), Number(line.net_amount)])).toEqual([
        ["BEANS-250", 2, 12, 24],
        ["KETTLE-1", 1, 64.5, 64.5],
      ])
      expect(lines[0].title).toBe("Espresso Beans · 250 g")
    })

    it("refuses to start with a bad option and names the option and its value", async () => {
      const run = await runMedusa(["start"], {
        DATABASE_URL: dbConfig.clientUrl,
        PORT: "0",
        MEDUSA_ADMIN_DISABLED: "true",
        LOG_LEVEL: "info",
        ORDER_RHYTHM_OPTIONS: JSON.stringify({
          timezone: "Mars/Olympus_Mons",
          leadTimeDays: -3,
          socket: { port: 70000 },
        }),
      })
      expect(run.code).not.toBe(0)
      expect(run.output).toContain('option "timezone" = "Mars/Olympus_Mons": is not a known IANA time zone')
      expect(run.output).toContain('option "leadTimeDays" = -3')
      expect(run.output).toContain('option "socket.port" = 70000')
      expect(run.output).not.toContain("Server is ready")
    })

    it("seeds the store only once: a second seeding reuses it and adds nothing", async () => {
      const container = getContainer()
      const count = async (table: string) =>
        Number((await dbConnection.raw(`select count(*) from "${table}" where deleted_at is null`)).rows[0].count)
      const before = await Promise.all(["product_variant", "sales_channel", "region", "stock_location"].map(count))
      const again = await seedWebShop(container)
      const after = await Promise.all(["product_variant", "sales_channel", "region", "stock_location"].map(count))
      expect(again.created).toBe(false)
      expect(after).toEqual(before)
      expect(again.publishableKey).toBe(store.publishableKey)
      expect(again.variants["KETTLE-1"].id).toBe(store.variants["KETTLE-1"].id)
    })

    it("serves the wall display on the plugin's own port", async () => {
      const rhythm = getContainer().resolve("orderRhythm") as any
      const port = await rhythm.live.port()
      expect(port).toBeGreaterThan(0)
      const response = await fetch(`http://localhost:${port}/`)
      expect(response.status).toBe(200)
      expect(await response.text()).toContain("<title>Order Rhythm</title>")
    })
  },
})
