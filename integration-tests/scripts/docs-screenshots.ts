// `pnpm docs:screenshots`: the wall in English and in Chinese at 1920x1080, drawn from the fixture
// build (dashboard/preview.html) at a fixed clock, so the images change only when the wall does.
import path from "node:path"
import { launchChromium } from "../tests/helpers/browser"
import { buildWallFixture, layoutProblems, describeProblems, openWallFixture, serveWallFixture } from "../tests/helpers/wall-fixture"

const OUT = path.resolve(__dirname, "..", "..", "docs", "screenshots")
/** 14:31 in Berlin, the fixture store's zone, on a Monday in June */
const NOW = "2025-06-02T12:31:00Z"

async function main() {
  buildWallFixture()
  const browser = await launchChromium()
  try {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 })
    await serveWallFixture(context)
    const page = await context.newPage()
    for (const lang of ["en", "zh-CN"]) {
      await openWallFixture(page, `lang=${lang}&theme=dark&now=${NOW}`)
      const { problems } = await layoutProblems(page)
      if (problems.length) throw new Error(`the wall's layout has problems in ${lang}:\n${describeProblems(problems).join("\n")}`)
      const file = path.join(OUT, `wall-${lang}.png`)
      await page.screenshot({ path: file })
      console.log(`wrote ${path.relative(process.cwd(), file)}`)
    }
  } finally {
    await browser.close()
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
