import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { asValue } from "@medusajs/framework/awilix"
import { ingestOrdersWorkflow } from "order-rhythm/workflows"
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

    /** An order of the past in any currency, made through the Order module with the time it was placed. */
    async function historicOrder(currency: string, createdAt: string, unitPrice: number, quantity = 1) {
      const orders = getContainer().resolve(Modules.ORDER)
      const [order] = await orders.createOrders([
        {
          currency_code: currency,
          region_id: store.regionId,
          sales_channel_id: store.salesChannelId,
          email: "history@example.com",
          items: [{ title: "Espresso Beans", quantity, unit_price: unitPrice, variant_id: store.variants["BEANS-250"].id }],
          created_at: new Date(createdAt),
        } as any,
      ])
      return order
    }

    const post = (path: string, body: unknown) =>
      api.post(`/admin/order-rhythm/${path}`, body, { headers: admin.headers }).catch((error: any) => error.response)

    it("adds the window's revenue in the reporting currency, each day at its own rate, and names what had no rate", async () => {
      // Berlin days: 11-09 has eur 100 and usd 50; 11-10 (from 23:00Z the day before) has usd 20 and gbp 30; 11-11 usd 3 x 10.01.
      await historicOrder("eur", "2026-11-09T10:00:00Z", 100)
      await historicOrder("usd", "2026-11-09T12:00:00Z", 50)
      await historicOrder("usd", "2026-11-09T23:30:00Z", 20)
      await historicOrder("gbp", "2026-11-10T10:00:00Z", 30)
      await historicOrder("usd", "2026-11-11T09:00:00Z", 10.01, 3)
      await api.post("/admin/order-rhythm/reconcile", { from_scratch: true }, { headers: admin.headers })

      const window = "from=2026-11-08T23:00:00Z&to=2026-11-11T23:00:00Z&granularity=day"
      const before = (await api.get(`/admin/order-rhythm/rhythm?${window}`, { headers: admin.headers })).data.rhythm
      expect(before.revenue).toEqual({ perCurrency: { eur: 100, usd: 100.03, gbp: 30 }, reporting: null })

      expect((await post("reporting-currency", { currency_code: "EUR" })).data.reporting_currency).toBe("eur")
      const entered = await post("exchange-rates", {
        rates: [
          { currency_code: "usd", rate: 0.9, effective_from: "2026-11-01" },
          { currency_code: "usd", rate: 0.97, effective_from: "2026-11-10" },
        ],
      })
      expect(entered.status).toBe(201)
      // A second rate for the same currency and day replaces the first.
      await post("exchange-rates", { rates: [{ currency_code: "usd", rate: 0.95, effective_from: "2026-11-10" }] })
      const listed = (await api.get("/admin/order-rhythm/exchange-rates", { headers: admin.headers })).data
      expect(listed.reporting_currency).toBe("eur")
      expect(listed.exchange_rates.map((r: any) => [r.currency_code, r.effective_from, r.rate])).toEqual([
        ["usd", "2026-11-01", 0.9],
        ["usd", "2026-11-10", 0.95],
      ])

      const rhythm = (await api.get(`/admin/order-rhythm/rhythm?${window}`, { headers: admin.headers })).data.rhythm
      expect(rhythm.revenue.perCurrency).toEqual({ eur: 100, usd: 100.03, gbp: 30 })
      const reporting = rhythm.revenue.reporting
      expect(reporting.currency).toBe("eur")
      // 100 + 50 x 0.90 + 20 x 0.95 (placed 00:30 Berlin on 11-10) + 30.03 x 0.95
      expect(Math.round(reporting.total * 100) / 100).toBe(192.53)
      expect(reporting.total).toBeCloseTo(192.5285, 6)
      expect(reporting.byCurrency.usd).toBeCloseTo(92.5285, 6)
      expect(reporting.complete).toBe(false)
      expect(reporting.missing).toEqual([{ currency: "gbp", amount: 30, days: ["2026-11-10"] }])

      // Hourly points convert at the same daily rates.
      const hourly = (await api.get(`/admin/order-rhythm/rhythm?${window.replace("day", "hour")}`, { headers: admin.headers })).data.rhythm
      expect(hourly.revenue.reporting.total).toBeCloseTo(192.5285, 6)

      // With a gbp rate the total is complete.
      await post("exchange-rates", { rates: [{ currency_code: "gbp", rate: 1.15, effective_from: "2026-11-10" }] })
      const complete = (await api.get(`/admin/order-rhythm/rhythm?${window}`, { headers: admin.headers })).data.rhythm.revenue.reporting
      expect(complete).toMatchObject({ complete: true, missing: [] })
      expect(Math.round(complete.total * 100) / 100).toBe(227.03)

      // The wall's big numbers: per currency, plus the converted total beside them.
      const service = getContainer().resolve("orderRhythm") as any
      const [first] = service.figures.wallFigureParts(undefined, () => new Date("2026-11-10T20:00:00Z"))
      const { totals } = await first()
      expect(totals.today.revenue).toEqual({ usd: 20, gbp: 30 })
      expect(totals.today.reporting.currency).toBe("eur")
      expect(totals.today.reporting.revenue).toBeCloseTo(19 + 34.5, 6)
      expect(totals.today.reporting.missing).toEqual([])

      // Switched off, the figures are per currency only again.
      await post("reporting-currency", { currency_code: null })
      const off = (await api.get(`/admin/order-rhythm/rhythm?${window}`, { headers: admin.headers })).data.rhythm
      expect(off.revenue.reporting).toBeNull()
      const [again] = service.figures.wallFigureParts(undefined, () => new Date("2026-11-10T20:00:00Z"))
      expect((await again()).totals.today.reporting).toBeUndefined()
    })

    it("answers bad rates and currencies with a 400 that names the field", async () => {
      const noReporting = await post("exchange-rates", { rates: [{ currency_code: "usd", rate: 0.9, effective_from: "2026-11-01" }] })
      expect(noReporting.status).toBe(400)
      expect(noReporting.data.message).toContain("reporting_currency")

      const badCode = await post("reporting-currency", { currency_code: "euro" })
      expect(badCode.status).toBe(400)
      expect(badCode.data.message).toContain("currency_code")
      const unknownCode = await post("reporting-currency", { currency_code: "xqq" })
      expect(unknownCode.status).toBe(400)
      expect(unknownCode.data.message).toContain("currency_code: unknown currency xqq")

      await post("reporting-currency", { currency_code: "eur" })
      const rate = (entry: Record<string, unknown>) =>
        post("exchange-rates", { rates: [{ currency_code: "usd", rate: 0.9, effective_from: "2026-11-01", ...entry }] })
      for (const [entry, field] of [
        [{ rate: 0 }, "rate"],
        [{ rate: -1.2 }, "rate"],
        [{ rate: "0.9" }, "rate"],
        [{ currency_code: "us" }, "currency_code"],
        [{ currency_code: "xqq" }, "currency_code: unknown currency"],
        [{ currency_code: "eur" }, "currency_code: eur is the reporting currency"],
        [{ effective_from: "2026-13-01" }, "effective_from"],
      ] as const) {
        const response = await rate(entry)
        expect(response.status, JSON.stringify(entry)).toBe(400)
        expect(response.data.message, JSON.stringify(entry)).toContain(field)
      }
      const twice = await post("exchange-rates", {
        rates: [
          { currency_code: "usd", rate: 0.9, effective_from: "2026-11-01" },
          { currency_code: "usd", rate: 0.91, effective_from: "2026-11-01" },
        ],
      })
      expect(twice.status).toBe(400)
      expect(twice.data.message).toContain("usd on 2026-11-01 is given twice")
      expect((await api.get("/admin/order-rhythm/exchange-rates", { headers: admin.headers })).data.exchange_rates).toEqual([])
    })

    it("converges on Medusa's latest state when an older load would otherwise be written last", async () => {
      const container = getContainer()
      const order = await historicOrder("eur", "2026-11-12T10:00:00Z", 40)
      await ingestOrdersWorkflow(container).run({ input: { order_ids: [order.id] } })
      const canceledAt = async () =>
        (await dbConnection.raw("select canceled_at from order_rhythm_order_fact where order_id = ?", [order.id])).rows[0]?.canceled_at
      expect(await canceledAt()).toBeNull()

      // The first ingest's load of the order is held back after it has read Medusa.
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      let loaded!: () => void
      const reachedLoad = new Promise<void>((resolve) => (loaded = resolve))
      let release!: () => void
      const released = new Promise<void>((resolve) => (release = resolve))
      const heldQuery = new Proxy(query, {
        get(target: any, key) {
          if (key !== "graph") return target[key]
          return async (args: any, ...rest: unknown[]) => {
            const result = await target.graph(args, ...rest)
            if (args?.entity === "order") {
              loaded()
              await released
            }
            return result
          }
        },
      })
      const slowScope = container.createScope()
      slowScope.register(ContainerRegistrationKeys.QUERY, asValue(heldQuery))
      const slow = ingestOrdersWorkflow(slowScope).run({ input: { order_ids: [order.id] } })
      await reachedLoad

      // Medusa moves on, and a second ingest of the same order starts.
      await container.resolve(Modules.ORDER).cancel(order.id)
      let fastDone = false
      const fast = ingestOrdersWorkflow(container)
        .run({ input: { order_ids: [order.id] } })
        .finally(() => (fastDone = true))
      // Either the second ingest finishes first (the race) or it waits for the first one's lock.
      await waitFor(
        async () =>
          fastDone ||
          Number((await dbConnection.raw("select count(*) from pg_locks where locktype = 'advisory' and not granted")).rows[0].count) > 0,
        15_000,
        "the second ingest to finish or to queue"
      )
      release()
      await Promise.all([slow, fast])
      expect(await canceledAt()).not.toBeNull()
    })
  },
})
