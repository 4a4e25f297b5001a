import { describe, expect, it } from "vitest"
import { splitRows, joinRows, rowKey, setValue, staleRowKeys } from "./row-keys"

const heatMap = (busy = 0) => ({
  measure: "orders",
  cells: Array.from({ length: 7 }, (_, d) => Array.from({ length: 24 }, (_, hour) => ({ weekday: d + 1, hour, total: d === 4 && hour === 12 ? busy : 1 }))),
  peaks: [{ weekday: 5, hour: 12 }],
  troughs: [],
  thresholds: { peak: 2, trough: 0 },
})
const today = (orders = 3) => ({ hours: [{ hour: 0, actual: 1 }, { hour: 1, actual: orders }], totals: { actual: 1 + orders } })
const series = (n = 3) => Array.from({ length: n }, (_, i) => ({ startUtc: `2026-11-27T${String(i).padStart(2, "0")}:00:00.000Z`, orders: i }))

describe("values split into rows", () => {
  const whole = { rates: { intake: 1 }, heatMap: heatMap(), today: today(), series: series() }

  it("cuts the heat map by weekday, today by hour and the series by point, and joins them back", () => {
    const split = splitRows(whole)
    expect(split[rowKey("heatMap", 4)]).toEqual(whole.heatMap.cells[4])
    expect(split.heatMap).toEqual({ measure: "orders", peaks: [{ weekday: 5, hour: 12 }], troughs: [], thresholds: { peak: 2, trough: 0 }, rowCount: 7 })
    expect(split[rowKey("today", 1)]).toEqual({ hour: 1, actual: 3 })
    expect(split.series).toEqual({ rowCount: 3 })
    expect(split.rates).toBe(whole.rates)
    expect(joinRows(split)).toEqual(whole)
  })

  it("lists every row key before its head, so a screen applying them in order never lacks a row", () => {
    const keys = Object.keys(splitRows(whole))
    for (const head of ["heatMap", "today", "series"]) {
      const rows = keys.filter((key) => key.startsWith(`${head}#`))
      expect(rows.length).toBeGreaterThan(0)
      for (const row of rows) expect(keys.indexOf(row)).toBeLessThan(keys.indexOf(head))
    }
  })

  it("changes only the rows an order touched", () => {
    const before = splitRows(whole)
    const after = splitRows({ ...whole, heatMap: heatMap(5), today: today(4) })
    const changed = Object.keys(after).filter((key) => JSON.stringify(after[key]) !== JSON.stringify(before[key]))
    expect(changed.sort()).toEqual(["heatMap#4", "today", "today#1"])
  })

  it("ignores rows left behind by a longer value", () => {
    const state = { ...splitRows({ series: series(3) }), ...splitRows({ series: series(2) }) }
    expect(state[rowKey("series", 2)]).toBeDefined()
    expect(joinRows(state)).toEqual({ series: series(2) })
  })

  it("passes values that are not cut (or not yet in the cut shape) through", () => {
    expect(splitRows({ heatMap: null, totals: { orders: 1 } })).toEqual({ heatMap: null, totals: { orders: 1 } })
    expect(joinRows({ heatMap: { cells: [] }, series: [1] })).toEqual({ heatMap: { cells: [] }, series: [1] })
  })

  const order = (id: string, amount = 10) => ({ orderId: id, displayId: 1, amount, items: [{ title: "Kettle", quantity: 1 }] })

  it("keys the ticker's entries by order id, so a new order sends its own entry and the id list", () => {
    const before = splitRows({ latest: [order("o2"), order("o1")] })
    expect(before).toEqual({ "latest#o2": order("o2"), "latest#o1": order("o1"), latest: { ids: ["o2", "o1"] } })
    const after = splitRows({ latest: [order("o3"), order("o2"), order("o1")] })
    const changed = Object.keys(after).filter((key) => JSON.stringify(after[key]) !== JSON.stringify(before[key]))
    expect(changed).toEqual(["latest#o3", "latest"])
    expect(joinRows(after)).toEqual({ latest: [order("o3"), order("o2"), order("o1")] })
  })

  it("names the rows a head no longer lists, to be removed (sent as null) after it", () => {
    const state = splitRows({ latest: [order("o2"), order("o1")], rates: 1 })
    const next = splitRows({ latest: [order("o3"), order("o2")] })
    expect(staleRowKeys(state, next)).toEqual(["latest#o1"])
    // A topic part that does not carry the head says nothing about its rows.
    expect(staleRowKeys(state, { rates: 2 })).toEqual([])
    // Shorter series: the points past the end go too.
    expect(staleRowKeys(splitRows({ series: series(3) }), splitRows({ series: series(2) }))).toEqual(["series#2"])
  })

  it("removes a row key sent as null, and keeps null as a value of any other key", () => {
    const values: Record<string, unknown> = { "latest#o1": order("o1"), reporting: 1 }
    setValue(values, "latest#o1", null)
    setValue(values, "reporting", null)
    expect(values).toEqual({ reporting: null })
  })
})
