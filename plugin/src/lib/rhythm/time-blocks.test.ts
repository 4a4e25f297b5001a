import { describe, expect, it } from "vitest"
import { BLOCK_HOURS, blocksHolding, childBlocks, coverWindow } from "./time-blocks"

const H = 3_600_000
const DAY = 24 * H

describe("time blocks", () => {
  it("cover a window's whole hours exactly once, with aligned blocks, and leave the partial hours as edges", () => {
    let seed = 17
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
    for (let i = 0; i < 200; i++) {
      const from = Date.parse("2025-01-01T00:00:00Z") + random() * 400 * DAY
      const to = from + random() * 400 * DAY
      const { blocks, edges } = coverWindow(from, to)
      let cursor = Math.ceil(from / H) * H
      for (const block of blocks) {
        expect(block.startMs).toBe(cursor)
        expect(block.startMs % (block.hours * H)).toBe(0)
        cursor += block.hours * H
      }
      if (blocks.length) expect(cursor).toBe(Math.floor(to / H) * H)
      const covered = blocks.reduce((sum, b) => sum + b.hours * H, 0) + edges.reduce((sum, e) => sum + e.toMs - e.fromMs, 0)
      expect(covered).toBe(to - from)
      expect(edges.every((e) => e.toMs - e.fromMs < H || !blocks.length)).toBe(true)
      // A year and more is a few dozen blocks, not thousands of hours.
      expect(blocks.length).toBeLessThanOrEqual(50)
    }
  })

  it("a window inside one hour is one edge", () => {
    const from = Date.parse("2026-06-01T10:15:00Z")
    expect(coverWindow(from, from + 20 * 60_000)).toEqual({ blocks: [], edges: [{ fromMs: from, toMs: from + 20 * 60_000 }] })
  })

  it("each level is made of the level below, and an hour lies in one block of every level", () => {
    const hour = Date.parse("2026-06-01T13:00:00Z")
    const holding = blocksHolding(hour)
    expect(holding.map((b) => b.hours)).toEqual(BLOCK_HOURS)
    for (const block of holding.slice(1)) {
      const children = childBlocks(block)
      expect(children.reduce((sum, c) => sum + c.hours, 0)).toBe(block.hours)
      expect(children.some((c) => c.startMs <= hour && hour < c.startMs + c.hours * H)).toBe(true)
    }
    expect(childBlocks(holding[0])).toEqual([])
  })
})
