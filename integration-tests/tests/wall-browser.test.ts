import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { Browser, Page } from "playwright-core"
import { SMALL_CATALOGUE, seedStore, SeededStore } from "../src/seed/store"
import { createAdmin, AdminSession } from "./helpers/admin"
import { placeOrder } from "../src/clients/shopper"
import { ARTIFACTS, chromiumAvailable, launchChromium, layoutReport } from "./helpers/browser"
import { RunningMedusa, startMedusa } from "./helpers/medusa-server"
import { httpClient } from "../src/clients/http-client"

process.env.ORDER_RHYTHM_OPTIONS = JSON.stringify({ timezone: "Asia/Shanghai", socket: { port: 0 } })
const hasChromium = chromiumAvailable()

describe.skipIf(!hasChromium)("the wall display in Chromium", () => {
  medusaIntegrationTestRunner({
    testSuite: ({ api, getContainer, dbConfig }) => {
      let browser: Browser
      let store: SeededStore
      let admin: AdminSession
      let wallUrl: string

      beforeAll(async () => {
        browser = await launchChromium()
      })
      afterAll(async () => {
        await browser?.close()
      })

      beforeEach(async () => {
        store = await seedStore(getContainer(), {
          channelName: "Web shop",
          currency: "cny",
          countries: ["cn"],
          locationName: "Shanghai",
          products: SMALL_CATALOGUE,
        })
        admin = await createAdmin(getContainer(), api)
        const port = await (getContainer().resolve("orderRhythm") as any).live.port()
        wallUrl = `http://localhost:${port}/`
      })

      const newToken = async (scopes = ["wall"]) =>
        (await api.post("/admin/order-rhythm/display-tokens", { name: "Browser wall", scopes }, { headers: admin.headers })).data
          .display_token

      const open = async (url: string, viewport = { width: 1920, height: 1080 }) => {
        const page = await browser.newPage({ viewport })
        await page.goto(url)
        return page
      }
      const badge = (page: Page) => page.locator('[data-testid="connection"]').innerText()
      const ordersToday = (page: Page) => page.locator('[data-testid="big-numbers"] figure').first().locator("output").innerText()

      it("shows an order placed through the store API on the ticker and in today's numbers within a second", async () => {
        const token = await newToken()
        const page = await open(`${wallUrl}?token=${token.token}`)
        await page.waitForFunction(() => /live/i.test(document.querySelector('[data-testid="connection"]')?.textContent ?? ""), null, {
          timeout: 15_000,
        })
        expect(await ordersToday(page)).toBe("0")

        const order = await placeOrder(api, store, [{ sku: "KETTLE-1", quantity: 2 }])
        const placedAt = Date.now()
        await page.locator('[data-testid="ticker"]').getByText(`#${order.display_id}`).waitFor({ timeout: 5_000 })
        await page.waitForFunction(
          () => document.querySelector('[data-testid="big-numbers"] output')?.textContent === "1",
          null,
          { timeout: 5_000 }
        )
        const seenAfterMs = Date.now() - placedAt
        expect(seenAfterMs).toBeLessThan(1000)
        const tickerText = await page.locator('[data-testid="ticker"]').innerText()
        expect(tickerText).toContain("Pour-over Kettle")
        expect(tickerText).toContain("129") // 2 x 64.5 in yuan
        expect(tickerText).not.toContain("shopper@example.com")
        await page.close()
      })

      it("fills 1080p and 4K with no scrollbars, nothing under 20 px, big numbers of at least 96 px", async () => {
        const token = await newToken()
        await placeOrder(api, store, [{ sku: "BEANS-250", quantity: 3 }])
        for (const [theme, lang] of [
          ["dark", "en"],
          ["light", "en"],
          ["dark", "zh-CN"],
          ["light", "zh-CN"],
        ]) {
          const page = await open(`${wallUrl}?token=${token.token}&theme=${theme}&lang=${lang}`)
          await page.locator('[data-testid="big-numbers"] output').first().waitFor({ timeout: 15_000 })
          await page.waitForTimeout(500)
          const report = await layoutReport(page)
          expect(report.scrollbars).toBe(false)
          expect(report.smallest.px, `"${report.smallest.text}" is ${report.smallest.px}px`).toBeGreaterThanOrEqual(20)
          expect(Math.min(...report.bigNumbers)).toBeGreaterThanOrEqual(96)
          await page.screenshot({ path: path.join(ARTIFACTS, `wall-rhythm-1920x1080-${theme}-${lang}.png`) })
          await page.close()
        }
        const fourK = await open(`${wallUrl}?token=${token.token}`, { width: 3840, height: 2160 })
        await fourK.locator('[data-testid="big-numbers"] output').first().waitFor({ timeout: 15_000 })
        const report = await layoutReport(fourK)
        expect(report.scrollbars).toBe(false)
        expect(report.smallest.px).toBeGreaterThanOrEqual(20)
        expect(Math.min(...report.bigNumbers)).toBeGreaterThanOrEqual(96)
        await fourK.screenshot({ path: path.join(ARTIFACTS, "wall-rhythm-3840x2160-dark-en.png") })
        await fourK.close()
      })

      it("says plainly when the token is missing or revoked, instead of a blank page", async () => {
        const missing = await open(wallUrl)
        await missing.locator('[data-testid="token-screen"]').waitFor({ timeout: 10_000 })
        expect((await missing.locator('[data-testid="token-screen"]').innerText()).length).toBeGreaterThan(20)
        await missing.close()

        const token = await newToken()
        await api.delete(`/admin/order-rhythm/display-tokens/${token.id}`, { headers: admin.headers })
        const revoked = await open(`${wallUrl}?token=${token.token}`)
        await revoked.locator('[data-testid="token-screen"]').waitFor({ timeout: 10_000 })
        expect(await revoked.locator('[data-testid="token-screen"]').innerText()).toContain("revoked")
        await revoked.close()
      })

      // Two Medusa starts in one test: minutes, not seconds, on a busy 2-core machine.
      it("goes stale when the Medusa process stops and comes back by itself with the right numbers", async () => {
        const token = await newToken()
        const wallPort = 19_600 + Math.floor(Math.random() * 300)
        const env = {
          DATABASE_URL: dbConfig.clientUrl,
          ORDER_RHYTHM_OPTIONS: JSON.stringify({ timezone: "Asia/Shanghai", socket: { port: wallPort } }),
        }
        const httpPort = 19_300 + Math.floor(Math.random() * 300)
        let server: RunningMedusa = await startMedusa(env, httpPort)
        try {
          const page = await open(`http://localhost:${wallPort}/?token=${token.token}`)
          await page.waitForFunction(() => /live/i.test(document.querySelector('[data-testid="connection"]')?.textContent ?? ""), null, {
            timeout: 15_000,
          })
          await server.stop()
          await page.waitForFunction(() => /stale since/i.test(document.querySelector('[data-testid="connection"]')?.textContent ?? ""), null, {
            timeout: 10_000,
          })
          expect(await badge(page)).toMatch(/Stale since \d{2}:\d{2}/i)

          server = await startMedusa(env, httpPort)
          const order = await placeOrder(httpClient(server.url), store, [{ sku: "FILTER-100", quantity: 1 }])
          await page.waitForFunction(() => /live/i.test(document.querySelector('[data-testid="connection"]')?.textContent ?? ""), null, {
            timeout: 30_000,
          })
          await page.locator('[data-testid="ticker"]').getByText(`#${order.display_id}`).waitFor({ timeout: 10_000 })
          // The ticker shows an order while its facts are written; today's numbers follow the write.
          await page.waitForFunction(() => document.querySelector('[data-testid="big-numbers"] output')?.textContent === "1", null, {
            timeout: 5_000,
          })
          expect(await ordersToday(page)).toBe("1")
          await page.close()
        } finally {
          await server.stop()
        }
      }, 300_000)
    },
  })
})
