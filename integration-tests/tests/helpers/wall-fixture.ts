import { spawnSync } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import type { BrowserContext, Page } from "playwright-core"

/**
 * The wall built with fixture data (dashboard/preview.html, `vite build --mode fixture`) and served
 * to Chromium from disk through request interception: no Medusa, no server, no port.
 */
const DASHBOARD = path.resolve(__dirname, "..", "..", "..", "dashboard")
export const FIXTURE_DIR = path.join(DASHBOARD, "dist-fixture")
export const FIXTURE_ORIGIN = "http://wall.fixture"

export function buildWallFixture(): string {
  const vite = path.join(DASHBOARD, "node_modules", "vite", "bin", "vite.js")
  const run = spawnSync(process.execPath, [vite, "build", "--mode", "fixture", "--logLevel", "warn"], { cwd: DASHBOARD, encoding: "utf8" })
  if (run.status !== 0) throw new Error(`the wall's fixture build failed (${run.status}):\n${run.stdout}\n${run.stderr}`)
  return FIXTURE_DIR
}

const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml" }

export async function serveWallFixture(context: BrowserContext, dir = FIXTURE_DIR): Promise<void> {
  // esbuild (tsx, vitest) wraps the functions it compiles in a `__name` call the page does not define
  await context.addInitScript({ content: "globalThis.__name = (target) => target" })
  await context.route(`${FIXTURE_ORIGIN}/**`, async (route) => {
    const file = path.join(dir, decodeURIComponent(new URL(route.request().url()).pathname))
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) return route.fulfill({ status: 404, body: "" })
    await route.fulfill({ status: 200, contentType: TYPES[path.extname(file)] ?? "application/octet-stream", body: fs.readFileSync(file) })
  })
}

/** The fixture wall at `query` (kiosk parameters plus `empty`, `stale`, `now`), drawn and its fonts loaded. */
export async function openWallFixture(page: Page, query: string): Promise<void> {
  await page.goto(`${FIXTURE_ORIGIN}/preview.html?${query}`)
  await page.waitForSelector("main.wall")
  await page.evaluate(() => document.fonts.ready.then(() => undefined))
  // the charts draw after their first measure; two frames let every ResizeObserver settle
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
}

export type TextBox = { text: string; where: string; left: number; top: number; right: number; bottom: number }
export type LayoutProblem = { kind: "overlap" | "clipped" | "on-a-mark"; a: TextBox; b?: TextBox; container?: string }

/**
 * Every piece of text on the page as the eye sees it: each HTML text node's rectangle (through a
 * Range, so a block's empty width does not count) and each SVG text's box, against each other,
 * against the box that clips it (its panel, or the screen), and SVG text against the chart's bars.
 * Text wholly outside its panel is cut off too, except in a list marked `data-whole-rows` (the
 * ticker), which leaves the rows that do not fit out of sight on purpose. An ellipsis the CSS asks for is a truncation the design chose, so
 * such text is measured to its element's box.
 */
export async function layoutProblems(page: Page): Promise<{ boxes: TextBox[]; problems: LayoutProblem[] }> {
  return page.evaluate(() => {
    const SLACK = 1
    type Box = { text: string; where: string; left: number; top: number; right: number; bottom: number }
    const describe = (el: Element): string => {
      const parts: string[] = []
      for (let node: Element | null = el; node && node !== document.body && parts.length < 4; node = node.parentElement) {
        const cls = typeof node.className === "string" ? node.className : node.getAttribute("class") ?? ""
        parts.unshift(`${node.tagName.toLowerCase()}${cls ? "." + cls.trim().split(/\s+/).join(".") : ""}`)
      }
      return parts.join(" > ")
    }
    const visible = (el: Element) => {
      for (let node: Element | null = el; node; node = node.parentElement) {
        const style = getComputedStyle(node)
        if (style.display === "none" || style.visibility === "hidden" || Number(style.opacity) === 0) return false
      }
      return true
    }
    const clipOf = (el: Element): Element => el.closest(".panel") ?? el.closest("header") ?? document.documentElement
    const boxes: Array<Box & { clip: Element; svg: SVGSVGElement | null; source: Node }> = []
    const add = (el: Element, rect: DOMRect | { left: number; top: number; right: number; bottom: number }, text: string, source: Node = el) => {
      if (rect.right - rect.left < 0.5 || rect.bottom - rect.top < 0.5) return
      boxes.push({ text: text.slice(0, 60), where: describe(el), left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom, clip: clipOf(el), svg: el.closest("svg"), source })
    }
    for (const el of document.querySelectorAll("svg text")) {
      if (!el.textContent?.trim() || !visible(el)) continue
      add(el, el.getBoundingClientRect(), el.textContent.trim())
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement
      if (!el || !node.textContent?.trim() || el.closest("svg") || !visible(el)) continue
      const range = document.createRange()
      range.selectNodeContents(node)
      const own = el.getBoundingClientRect()
      const style = getComputedStyle(el)
      // one box per line the text wraps onto
      for (const line of range.getClientRects()) {
        let rect = { left: line.left, top: line.top, right: line.right, bottom: line.bottom }
        // a block's text is drawn in its line boxes: the font's ascent and descent beyond a tight
        // line-height are empty space, not text
        if (style.display !== "inline") rect = { ...rect, top: Math.max(rect.top, own.top), bottom: Math.min(rect.bottom, own.bottom) }
        if (style.textOverflow === "ellipsis") rect = { ...rect, left: Math.max(rect.left, own.left), right: Math.min(rect.right, own.right) }
        add(el, rect, node.textContent.trim(), node)
      }
    }
    const problems: Array<{ kind: "overlap" | "clipped" | "on-a-mark"; a: Box; b?: Box; container?: string }> = []
    const plain = ({ clip, svg, source, ...box }: Box & { clip: Element; svg: SVGSVGElement | null; source: Node }): Box => box
    const shown: typeof boxes = []
    const screen = { left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight }
    for (const box of boxes) {
      const c = box.clip === document.documentElement ? screen : box.clip.getBoundingClientRect()
      const outside = box.right <= c.left || box.left >= c.right || box.bottom <= c.top || box.top >= c.bottom
      // only a list that shows whole rows (the ticker) may leave rows out of sight
      if (outside && box.clip !== document.documentElement && box.source.parentElement?.closest("[data-whole-rows]")) continue
      const inside =
        box.left >= c.left - SLACK && box.right <= c.right + SLACK && box.top >= c.top - SLACK && box.bottom <= c.bottom + SLACK &&
        box.left >= -SLACK && box.top >= -SLACK && box.right <= window.innerWidth + SLACK && box.bottom <= window.innerHeight + SLACK
      if (!inside) problems.push({ kind: "clipped", a: plain(box), container: describe(box.clip) })
      shown.push(box)
    }
    const cross = (a: Box, b: { left: number; top: number; right: number; bottom: number }) =>
      Math.min(a.right, b.right) - Math.max(a.left, b.left) > SLACK && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > SLACK
    for (let i = 0; i < shown.length; i++) {
      for (let j = i + 1; j < shown.length; j++) {
        // the lines of one wrapped text touch each other by design
        if (shown[i].source !== shown[j].source && cross(shown[i], shown[j])) problems.push({ kind: "overlap", a: plain(shown[i]), b: plain(shown[j]) })
      }
    }
    // A chart's words never sit on its marks (bars, cells): they would read as neither.
    for (const box of shown) {
      if (!box.svg) continue
      for (const mark of box.svg.querySelectorAll("rect")) {
        const r = mark.getBoundingClientRect()
        if (r.width < 0.5 || r.height < 0.5 || !visible(mark)) continue
        if (cross(box, r)) {
          problems.push({ kind: "on-a-mark", a: plain(box), b: { text: "", where: describe(mark), left: r.left, top: r.top, right: r.right, bottom: r.bottom } })
          break
        }
      }
    }
    return { boxes: shown.map(plain), problems }
  })
}

/** One line per problem, for a failure message a person can act on. */
export function describeProblems(problems: LayoutProblem[]): string[] {
  const at = (b: TextBox) => `"${b.text}" [${Math.round(b.left)},${Math.round(b.top)} ${Math.round(b.right - b.left)}x${Math.round(b.bottom - b.top)}] (${b.where})`
  return problems.map((p) =>
    p.kind === "clipped" ? `clipped: ${at(p.a)} by ${p.container}` : p.kind === "overlap" ? `overlap: ${at(p.a)} and ${at(p.b!)}` : `on a mark: ${at(p.a)} on ${p.b!.where}`
  )
}
