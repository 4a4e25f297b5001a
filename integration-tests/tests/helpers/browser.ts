import fs from "node:fs"
import path from "node:path"
import type { Browser } from "playwright-core"

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"
export const ARTIFACTS = path.resolve(__dirname, "..", "..", "artifacts")

/** Debian's Chromium: on CI it must be there; elsewhere the browser tests are skipped loudly. */
export function chromiumAvailable(): boolean {
  const available = fs.existsSync(CHROMIUM)
  if (!available && process.env.CI === "true") {
    throw new Error(`Chromium is not at ${CHROMIUM}, and on CI the browser tests must run (.ci/run installs it)`)
  }
  if (!available) {
    console.warn(`\n*** SKIPPING the browser tests: no Chromium at ${CHROMIUM} (apt-get install -y chromium) ***\n`)
  }
  return available
}

export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  const { chromium } = await import("playwright-core")
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      ...extraArgs,
    ],
  })
}

/** Text and layout measures a person would check from across the room. */
export async function layoutReport(page: import("playwright-core").Page) {
  return page.evaluate(() => {
    const doc = document.documentElement
    const texts = [...document.querySelectorAll("body *")].filter((el) => {
      const element = el as HTMLElement
      if (!element.offsetParent && getComputedStyle(element).position !== "fixed") return false
      return [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim())
    })
    const sizes = texts.map((el) => ({ text: (el.textContent ?? "").trim().slice(0, 40), px: parseFloat(getComputedStyle(el).fontSize) }))
    const smallest = sizes.reduce((min, s) => (s.px < min.px ? s : min), { text: "", px: Infinity })
    const bigNumbers = [...document.querySelectorAll('[data-testid="big-numbers"] output')].map((el) => parseFloat(getComputedStyle(el).fontSize))
    return {
      scrollbars: doc.scrollWidth > window.innerWidth || doc.scrollHeight > window.innerHeight,
      smallest,
      bigNumbers,
    }
  })
}
