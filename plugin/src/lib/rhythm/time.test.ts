import { describe, expect, it } from "vitest"
import { toIso, toIsoHour, toMs } from "./time"

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

describe("toIsoHour", () => {
  it("writes every whole hour as toIso does, and hands anything else to toIso", () => {
    const start = Date.UTC(2023, 11, 30)
    for (let ms = start; ms < start + 500 * 86_400_000; ms += 3_600_000) expect(toIsoHour(ms)).toBe(toIso(ms))
    for (const ms of [0, Date.UTC(2024, 1, 29, 23), Date.UTC(9999, 11, 31, 23), Date.UTC(10000, 0, 1), -3_600_000, Date.UTC(2026, 5, 1, 10, 30), Date.UTC(2026, 5, 1, 10, 0, 0, 1)]) {
      expect(toIsoHour(ms)).toBe(toIso(ms))
    }
  })
})
