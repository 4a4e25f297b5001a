// @vitest-environment node
import { describe, expect, it } from "vitest"
import { tickerFixture } from "./charts/fixtures"
import { emptyLiveState, applySnapshot } from "@order-rhythm/live-client"
import { wallData } from "./live/wall-data"
import { tickerRows } from "./ticker"

describe("tickerRows", () => {
  const orders = tickerFixture()
  const shuffled = [orders[3]!, orders[0]!, orders[7]!]
  const rows = tickerRows(shuffled, "Europe/Berlin", "en", (n) => `${n} items`)

  it("puts the newest first, on the store's clock", () => {
    expect(rows.map((r) => r.number)).toEqual(["#5000", "#4997", "#4993"])
    expect(rows[0]?.time).toBe("14:30")
  })

  it("shows number, items and amount in the order's currency", () => {
    expect(rows[0]?.amount).toBe("$20")
    expect(rows[0]?.items).toBe("1 items · Linen shirt")
    expect(tickerRows([orders[1]!], null, "en", (n) => `${n} items`)[0]?.items).toBe("2 items · Linen shirt ×2, Canvas tote")
  })

  it("carries nothing that could name a customer", () => {
    expect(Object.keys(rows[0]!).sort()).toEqual(["amount", "canceled", "id", "items", "number", "time"])
  })
})

describe("wallData", () => {
  it("reads the channel's room and treats missing or misshapen keys as no data", () => {
    const { state } = applySnapshot(emptyLiveState, {
      seqs: { "wall:channel:sc_1": 1 },
      at: "2025-06-02T10:00:00Z",
      timezone: "UTC",
      rooms: { "wall:channel:sc_1": { rhythm: { today: { hours: [] }, backlog: 42 }, ticker: { latest: [] } } },
    })
    const data = wallData(state, "sc_1")
    expect(data.today).toEqual({ hours: [] })
    expect(data.backlog).toBeNull()
    expect(data.ticker).toEqual([])
    expect(data.totals).toBeNull()
    expect(wallData(state, undefined).today).toBeNull()
  })
})

describe("wallData over values split into rows", () => {
  it("joins the heat map, today's curve and the series the server cut into rows", async () => {
    // The server's cut, so the wall and the plugin are proven to agree on the format.
    const { splitRows } = await import("@order-rhythm/live-client")
    const heatMap = { measure: "orders", cells: [[{ weekday: 1, hour: 0, occurrences: 1, total: 2, average: 2 }]], peaks: [], troughs: [], thresholds: { peak: null, trough: null } }
    const today = { hours: [{ hour: 9, actual: 3 }] }
    const series = [{ startUtc: "2025-06-02T09:00:00.000Z", orders: 3 }]
    const { state } = applySnapshot(emptyLiveState, {
      seqs: { wall: 1 },
      at: "2025-06-02T10:00:00Z",
      timezone: "UTC",
      rooms: { wall: { rhythm: splitRows({ heatMap, today, series }) } },
    })
    const data = wallData(state, undefined)
    expect(data.heatMap).toEqual(heatMap)
    expect(data.today).toEqual(today)
    expect(data.series).toEqual(series)
  })
})
