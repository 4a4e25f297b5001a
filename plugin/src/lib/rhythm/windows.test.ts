import { describe, expect, it } from "vitest"
import { disjointWindows } from "./windows"

const w = (from: string, to: string) => ({ fromUtc: `2026-01-${from}:00:00.000Z`, toUtc: `2026-01-${to}:00:00.000Z` })

describe("disjointWindows", () => {
  it("merges overlapping and touching windows, keeps gaps, drops empty ones", () => {
    expect(disjointWindows([w("10T00", "12T00"), w("01T00", "03T00"), w("02T00", "05T00"), w("05T00", "06T00"), w("20T00", "20T00")])).toEqual([
      w("01T00", "06T00"),
      w("10T00", "12T00"),
    ])
  })

  it("covers every instant of the inputs exactly once", () => {
    let seed = 3
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
    for (let round = 0; round < 50; round++) {
      const inputs = Array.from({ length: 1 + Math.floor(random() * 5) }, () => {
        const from = Math.floor(random() * 100)
        return { fromUtc: new Date(from * 3_600_000).toISOString(), toUtc: new Date((from + Math.floor(random() * 30)) * 3_600_000).toISOString() }
      })
      const out = disjointWindows(inputs)
      for (let h = 0; h < 140; h++) {
        const ms = h * 3_600_000
        const inInputs = inputs.some((i) => Date.parse(i.fromUtc) <= ms && ms < Date.parse(i.toUtc))
        const hits = out.filter((o) => Date.parse(o.fromUtc) <= ms && ms < Date.parse(o.toUtc)).length
        expect(hits).toBe(inInputs ? 1 : 0)
      }
    }
  })
})
