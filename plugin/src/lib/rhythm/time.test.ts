import { describe, expect, it } from "vitest"
import { toMs } from "./time"

describe("toMs", () => {
  it("agrees with Date.parse on canonical and other ISO forms", () => {
    const samples = [
      "2026-10-25T00:00:00Z",
      "2026-10-25T01:00:00.000Z",
      "2000-02-29T23:59:59.999Z",
      "1969-12-31T23:00:00Z",
      "2026-03-29T01:00:00+02:00",
      "2026-06-15T10:00:00.5Z",
    ]
    for (let i = 0; i < 2000; i++) samples.push(new Date(1_600_000_000_000 + i * 7_777_777_777).toISOString())
    for (const s of samples) expect([s, toMs(s)]).toEqual([s, Date.parse(s)])
  })
  it("rejects garbage", () => {
    expect(() => toMs("2026-1x-25T00:00:00Z")).toThrow(/ISO/)
    expect(() => toMs("yesterday")).toThrow(/ISO/)
  })
})
