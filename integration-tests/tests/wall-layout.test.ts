import fs from "node:fs"
import path from "node:path"
import type { Browser } from "playwright-core"
import { ARTIFACTS, chromiumAvailable, launchChromium, layoutReport } from "./helpers/browser"
import { buildWallFixture, describeProblems, layoutProblems, openWallFixture, serveWallFixture } from "./helpers/wall-fixture"

/**
 * The wall at the screens it hangs on, in both languages and themes, with fixture data (no
 * Medusa): no two pieces of text overlap, none is cut off, none sits on a chart's bars.
 * One Chromium, one page per screen size, loaded once per language and state and measured in
 * each theme.
 */
const SCREENS = [
  { width: 1366, height: 768 },
  { width: 1600, height: 900 },
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
]
const LANGS = ["en", "zh-CN"] as const
const THEMES = ["dark", "light"] as const

const hasChromium = chromiumAvailable()

describe.skipIf(!hasChromium)("the wall's layout at every screen size", () => {
  let browser: Browser

  beforeAll(async () => {
    buildWallFixture()
    browser = await launchChromium()
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
  })

  async function pageAt(screen: { width: number; height: number }) {
    const context = await browser.newContext({ viewport: screen, deviceScaleFactor: 1 })
    await serveWallFixture(context)
    return { context, page: await context.newPage() }
  }

  for (const screen of SCREENS) {
    it(`fits ${screen.width}x${screen.height} in both languages and themes, with data, before the first snapshot and when stale`, async () => {
      const { context, page } = await pageAt(screen)
      const seen: string[] = []
      try {
        for (const lang of LANGS) {
          for (const state of ["", "&empty", "&stale"]) {
            await openWallFixture(page, `lang=${lang}&theme=${THEMES[0]}${state}`)
            for (const theme of THEMES) {
              // a theme is colours only: the page is switched, not reloaded, and measured again
              await page.evaluate((name) => new Promise((resolve) => {
                document.documentElement.dataset.theme = name
                requestAnimationFrame(() => requestAnimationFrame(resolve))
              }), theme)
              const query = `lang=${lang}&theme=${theme}${state}`
              const { boxes, problems } = await layoutProblems(page)
              // the measure saw the wall, not an empty page
              expect(boxes.length, query).toBeGreaterThan(state === "&empty" ? 5 : 60)
              if (problems.length) {
                fs.mkdirSync(ARTIFACTS, { recursive: true })
                const shot = path.join(ARTIFACTS, `wall-layout-${screen.width}x${screen.height}-${lang}-${theme}${state.replace("&", "-")}.png`)
                await page.screenshot({ path: shot })
                seen.push(`${query} (${shot}):`, ...describeProblems(problems).map((line) => `  ${line}`))
              }
              const report = await layoutReport(page)
              expect(report.scrollbars, query).toBe(false)
              expect(report.smallest.px, `${query}: "${report.smallest.text}"`).toBeGreaterThanOrEqual(20)
            }
          }
        }
      } finally {
        await context.close()
      }
      expect(seen).toEqual([])
    })
  }

  it("shows the store's time before the first snapshot, as after it", async () => {
    const { context, page } = await pageAt({ width: 1920, height: 1080 })
    try {
      const clock = async (query: string) => {
        await openWallFixture(page, query)
        return page.locator('[data-testid="clock"]').textContent()
      }
      // 12:31 UTC is 14:31 in Berlin, the fixture store's zone, whatever the machine's zone is
      expect(await clock("lang=en&empty")).toBe("Mon, Jun 2 14:31")
      expect(await clock("lang=en")).toBe("Mon, Jun 2 14:31")
    } finally {
      await context.close()
    }
  })
})
