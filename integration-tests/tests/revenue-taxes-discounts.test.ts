import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { SeededStore } from "../src/seed/store"
import { seedWebShop } from "./helpers/store"
import { createAdmin, AdminSession } from "./helpers/admin"
import { placeOrder } from "../src/clients/shopper"
import { waitFor } from "./helpers/wait"

process.env.ORDER_RHYTHM_OPTIONS = JSON.stringify({ timezone: "Europe/Berlin", socket: { port: 0 } })

/** Two lines of different prices, so a discount spread across them lands unevenly. */
const BASKET = [
  { sku: "BEANS-250", quantity: 2 },
  { sku: "KETTLE-1", quantity: 1 },
]
/** 10% off each item, on the price without tax; and 5 EUR off the basket, taken from the price with tax. */
const CODES = ["TENPERCENT", "FIVEOFF"]

// Query returns totals as numbers or BigNumber objects depending on the path.
const amount = (value: any) => Number(value?.numeric ?? value)

/**
 * The plugin computes a line's net amount from raw fields (price, tax lines, adjustments) instead
 * of asking Medusa for totals; here the store, taxes and promotions are Medusa's own and the
 * reference is Medusa's own totals for the same order.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let store: SeededStore
    let admin: AdminSession

    beforeEach(async () => {
      store = await seedWebShop(getContainer())
      admin = await createAdmin(getContainer(), api)
      const headers = admin.headers
      // German VAT through the admin API, with Medusa's system tax provider.
      await api.post(
        "/admin/tax-regions",
        { country_code: "de", provider_id: "tp_system", default_tax_rate: { rate: 20, code: "DE-VAT", name: "MwSt." } },
        { headers }
      )
      await api.post(
        "/admin/promotions",
        {
          code: "TENPERCENT",
          type: "standard",
          status: "active",
          application_method: { type: "percentage", target_type: "items", allocation: "each", max_quantity: 10, value: 10 },
        },
        { headers }
      )
      await api.post(
        "/admin/promotions",
        {
          code: "FIVEOFF",
          type: "standard",
          status: "active",
          is_tax_inclusive: true,
          application_method: { type: "fixed", target_type: "items", allocation: "across", value: 5, currency_code: "eur" },
        },
        { headers }
      )
    })

    /** Medusa's own view of the order's lines: what the plugin's net amount must equal. */
    async function medusaTotals(orderId: string) {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const {
        data: [order],
      } = await query.graph({
        entity: "order",
        fields: [
          "id",
          "item_total",
          "item_tax_total",
          "items.id",
          "items.unit_price",
          "items.quantity",
          "items.is_tax_inclusive",
          "items.subtotal",
          "items.discount_subtotal",
          "items.adjustments.is_tax_inclusive",
        ],
        filters: { id: orderId },
      })
      return order as any
    }

    /** The subscribers write the facts after the store API has answered: wait for the order and every line. */
    async function pluginFacts(orderId: string, lineCount: number) {
      const rows = await waitFor(
        async () => {
          const { rows } = await dbConnection.raw(
            `select o.revenue::text, l.line_id, l.net_amount::text
               from order_rhythm_order_fact o
               join order_rhythm_order_line_fact l on l.order_id = o.order_id and l.deleted_at is null
              where o.order_id = ?`,
            [orderId]
          )
          return rows.length === lineCount ? rows : null
        },
        20_000,
        `facts of ${orderId}`
      )
      return {
        net: Object.fromEntries(rows.map((row: any) => [row.line_id, Number(row.net_amount)])),
        revenue: Number(rows[0].revenue),
      }
    }

    /** Line by line, the plugin's net amount is Medusa's subtotal less its discount subtotal. */
    async function expectPluginMatchesMedusa(orderId: string, taxInclusive: boolean) {
      const medusa = await medusaTotals(orderId)
      const plugin = await pluginFacts(orderId, medusa.items.length)
      let sum = 0
      for (const item of medusa.items) {
        const gross = amount(item.unit_price) * amount(item.quantity)
        const subtotal = amount(item.subtotal)
        const discount = amount(item.discount_subtotal)
        const net = subtotal - discount
        // Without a discount or with the tax left in, the test could not tell right from wrong.
        expect(item.is_tax_inclusive).toBe(taxInclusive)
        expect(discount).toBeGreaterThan(0)
        // One adjustment off the price without tax (10%), one off the price with tax (5 EUR).
        expect(item.adjustments.map((adjustment: any) => adjustment.is_tax_inclusive).sort()).toEqual([false, true])
        if (taxInclusive) {
          expect(subtotal).toBeLessThan(gross)
        } else {
          expect(subtotal).toBe(gross)
        }
        expect(Math.abs(plugin.net[item.id] - net)).toBeLessThanOrEqual(1e-6)
        sum += net
      }
      // The order's revenue is its lines' sum, and that is Medusa's item total without its tax.
      expect(Math.abs(plugin.revenue - sum)).toBeLessThanOrEqual(1e-6)
      expect(Math.abs(plugin.revenue - (amount(medusa.item_total) - amount(medusa.item_tax_total)))).toBeLessThanOrEqual(1e-6)
      return { medusa, plugin }
    }

    it("stores Medusa's net line amounts when tax comes on top of the price", async () => {
      const order = await placeOrder(api, store, BASKET, "on-top@example.com", CODES)
      await expectPluginMatchesMedusa(order.id, false)
    })

    it("stores Medusa's net line amounts when prices include tax", async () => {
      // The merchant's switch in the store's currency settings, kept as the currency's price preference.
      // (A region's preference would cover only prices set for that region; these are per currency.)
      const headers = admin.headers
      const {
        data: { stores },
      } = await api.get("/admin/stores", { headers })
      const currencies = stores[0].supported_currencies.map((currency: any) => ({
        currency_code: currency.currency_code,
        is_default: currency.is_default,
        is_tax_inclusive: currency.currency_code === store.currency,
      }))
      await api.post(`/admin/stores/${stores[0].id}`, { supported_currencies: currencies }, { headers })
      const order = await placeOrder(api, store, BASKET, "inclusive@example.com", CODES)
      await expectPluginMatchesMedusa(order.id, true)
    })
  },
})
