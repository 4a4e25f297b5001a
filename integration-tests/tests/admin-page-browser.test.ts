import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { Browser, Page } from "playwright-core"
import { SMALL_CATALOGUE, seedStore } from "../src/seed/store"
import { placeOrder } from "../src/clients/shopper"
import { Operator } from "../src/clients/operator"
import { createAdmin } from "./helpers/admin"
import { ARTIFACTS, chromiumAvailable, launchChromium } from "./helpers/browser"
import { RunningMedusa, startMedusa } from "./helpers/medusa-server"
import { waitFor } from "./helpers/wait"

const STORE_ZONE = "Asia/Shanghai"
/** The admin's browser: another language and another zone than the store's, so a mix-up shows. */
const ADMIN_LOCALE = "en-GB"
const BROWSER_ZONE = "America/New_York"
const OPTIONS = { timezone: STORE_ZONE, finalStage: "fulfilled", slaHours: { fulfilled: 24 }, socket: { port: 0 } }
process.env.ORDER_RHYTHM_OPTIONS = JSON.stringify(OPTIONS)
const hasChromium = chromiumAvailable()

const EMAIL = "admin@order-rhythm.test"
const PASSWORD = "supersecret"

/** How the page must write an instant: the store's clock, the admin's language. */
const inZone = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat(ADMIN_LOCALE, { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(iso))

describe.skipIf(!hasChromium)("Medusa Admin's Order Rhythm page in Chromium", () => {
  medusaIntegrationTestRunner({
    testSuite: ({ api, getContainer, dbConfig }) => {
      let browser: Browser

      beforeAll(async () => {
        browser = await launchChromium()
      })
      afterAll(async () => {
        await browser?.close()
      })

      /** Medusa Admin's own login form, as a person signs in: the session cookie then carries every call. */
      const logIn = async (page: Page, base: string) => {
        // The first request has Vite prepare the admin's dependencies: give it time.
        await page.goto(`${base}/app/login`, { timeout: 180_000 })
        await page.locator('input[name="email"]').fill(EMAIL, { timeout: 60_000 })
        await page.locator('input[name="password"]').fill(PASSWORD)
        await page.locator('button[type="submit"]').click()
        await page.waitForURL((url) => url.pathname.startsWith("/app") && !url.pathname.startsWith("/app/login"), { timeout: 60_000 })
      }

      it(
        "opens on the rhythm at a glance: four charts drawn from the store's figures, times on the store's clock in the admin's language",
        async () => {
          const store = await seedStore(getContainer(), {
            channelName: "Web shop",
            currency: "cny",
            countries: ["cn"],
            locationName: "Shanghai",
            products: SMALL_CATALOGUE,
          })
          const admin = await createAdmin(getContainer(), api, EMAIL, PASSWORD)
          const operator = new Operator(api, admin.headers)
          const first = await placeOrder(api, store, [{ sku: "BEANS-250", quantity: 2 }])
          await placeOrder(api, store, [{ sku: "KETTLE-1", quantity: 1 }])
          await placeOrder(api, store, [{ sku: "FILTER-100", quantity: 3 }])
          await operator.fulfil(first.id, [{ id: first.items[0].id, quantity: 2 }])
          // Two orders open (fulfilled is the final stage here), one with a cycle time.
          await waitFor(
            async () => {
              const { data } = await api.get("/admin/order-rhythm/rhythm?granularity=day", { headers: admin.headers })
              const r = data.rhythm
              return r.backlog.orders === 2 && r.cycleTimes.fullFulfilment.p50 !== null
            },
            30_000,
            "the three orders and the fulfilment in the rhythm"
          )
          const token = (await api.post("/admin/order-rhythm/display-tokens", { name: "Warehouse wall", scopes: ["wall"] }, { headers: admin.headers }))
            .data.display_token

          let server: RunningMedusa | null = null
          const context = await browser.newContext({ locale: ADMIN_LOCALE, timezoneId: BROWSER_ZONE, viewport: { width: 1440, height: 1200 } })
          try {
            server = await startMedusa(
              {
                DATABASE_URL: dbConfig.clientUrl,
                // Medusa Admin served through Vite's middleware, as in the demo: no admin build step.
                NODE_ENV: "development",
                MEDUSA_ADMIN_DISABLED: "false",
                HMR_PORT: String(19_600 + Math.floor(Math.random() * 300)),
                ORDER_RHYTHM_OPTIONS: JSON.stringify(OPTIONS),
              },
              19_300 + Math.floor(Math.random() * 300),
              180_000
            )
            const page = await context.newPage()
            expect(await page.evaluate(() => navigator.language)).toBe(ADMIN_LOCALE)
            await logIn(page, server.url)
            await page.goto(`${server.url}/app/order-rhythm`)
            const overview = page.locator('[data-testid="rhythm-overview"]')
            await overview.locator('[data-testid="rhythm-at"]').waitFor({ timeout: 60_000 })
            const chart = (id: string) => page.locator(`[data-testid="${id}"] svg`)
            await chart("chart-cycle-times").locator("rect.p50").first().waitFor({ timeout: 30_000 })

            // No chart says it has nothing to draw.
            for (const id of ["chart-today", "chart-flow", "chart-backlog", "chart-cycle-times"]) {
              expect(await chart(id).locator(".no-data").count(), `${id} shows "no data"`).toBe(0)
            }
            const at = overview.locator('[data-testid="rhythm-at"]')
            const atIso = (await at.getAttribute("datetime"))!
            // Today: a bar for every hour of the store's day so far (Shanghai keeps no DST), the forecast's line and band.
            const storeHour = Number(new Intl.DateTimeFormat("en-GB", { hour: "numeric", hourCycle: "h23", timeZone: STORE_ZONE }).format(new Date(atIso)))
            expect(await chart("chart-today").locator("rect.actual").count()).toBe(storeHour + 1)
            expect(await chart("chart-today").locator("path.expected-line").count()).toBe(1)
            expect(await chart("chart-today").locator("path.expected-band").count()).toBe(1)
            const todayBars = await chart("chart-today").locator("rect.actual").evaluateAll((bars) => bars.map((b) => Number(b.getAttribute("height"))))
            expect(Math.max(...todayBars)).toBeGreaterThan(0)
            // Intake and fulfilment: one point per day of the window on each line.
            const days = await chart("chart-flow").locator("circle.dot.intake").count()
            expect(days).toBeGreaterThanOrEqual(14)
            expect(await chart("chart-flow").locator("circle.dot.fulfilment").count()).toBe(days)
            expect(await chart("chart-flow").locator("path.line.intake").count()).toBe(1)
            // Backlog age: the counts above the bars add up to the two open orders.
            const counts = await chart("chart-backlog").locator("text.value").allTextContents()
            expect(counts.map(Number).reduce((a, b) => a + b, 0)).toBe(2)
            // Cycle times: the fulfilled order's p50 bar, against the 24 h target.
            expect(await chart("chart-cycle-times").locator("rect.p50").count()).toBeGreaterThanOrEqual(1)
            expect(await chart("chart-cycle-times").locator("line.sla-target").count()).toBeGreaterThanOrEqual(1)

            // Times: the store's zone, the admin's language; not the browser's zone, not UTC.
            expect(await at.innerText()).toBe(inZone(atIso, STORE_ZONE))
            expect(inZone(atIso, STORE_ZONE)).not.toBe(inZone(atIso, BROWSER_ZONE))
            const storeDay = new Intl.DateTimeFormat(ADMIN_LOCALE, {
              weekday: "short",
              day: "numeric",
              month: "short",
              year: "numeric",
              timeZone: STORE_ZONE,
            }).format(new Date(atIso))
            expect(await overview.getByRole("heading", { name: /^Today, / }).innerText()).toBe(`Today, ${storeDay}`)
            await page.screenshot({ path: path.join(ARTIFACTS, "admin-order-rhythm-overview.png"), fullPage: true })

            // Settings: the wall tokens, the sync status and the currency, times on the store's clock too.
            await page.getByRole("tab", { name: "Settings" }).click()
            const created = page.locator('[data-testid="token-created"]').first()
            await created.waitFor({ timeout: 15_000 })
            expect(await created.innerText()).toBe(inZone(token.created_at, STORE_ZONE))
            await page.getByRole("button", { name: "Check for missed orders now" }).waitFor({ timeout: 15_000 })
            await page.getByRole("heading", { name: "Reporting currency" }).waitFor({ timeout: 15_000 })
            expect(await page.locator('[data-testid="rhythm-overview"]').count()).toBe(0)
            await page.screenshot({ path: path.join(ARTIFACTS, "admin-order-rhythm-settings.png"), fullPage: true })
          } finally {
            await context.close()
            await server?.stop()
          }
        },
        600_000
      )
    },
  })
})
