import { describe, expect, it } from "vitest"
import { ageBucketLabel, drawBacklogAge } from "./backlog-age"
import { cycleRows, drawCycleTimes, type CycleText } from "./cycle-times"
import { backlogFixture, cycleTimesFixture, heatMapFixture, seriesFixture, slaFixture, todayFixture } from "./fixtures"
import { drawFlowRates, ratePerHour } from "./flow-rates"
import { drawHeatMap } from "./heat-map"
import { drawTodayIntake } from "./today-intake"
import type { Size } from "./frame"

const size: Size = { width: 900, height: 360, font: 20 }
const svg = () => document.createElementNS("http://www.w3.org/2000/svg", "svg")
const all = (root: Element, selector: string) => Array.from(root.querySelectorAll(selector))
const num = (el: Element | undefined, attr: string) => Number(el?.getAttribute(attr))
/** The y coordinates a path's commands visit (d3 writes "M x,y L x,y ..." with commas). */
const pathYs = (d: string) => [...d.matchAll(/[ML]([-\d.e]+),([-\d.e]+)/g)].map((m) => Number(m[2]))

describe("every chart with nothing to draw", () => {
  it("says no data yet and draws no marks", () => {
    const charts: Array<(el: SVGSVGElement) => void> = [
      (el) => drawTodayIntake(el, null, size, "No data yet"),
      (el) => drawTodayIntake(el, { localDate: "2025-06-02", hours: [], soFar: { actual: 0, expected: 0, ratio: null } }, size, "No data yet"),
      (el) => drawFlowRates(el, [], size, "No data yet"),
      (el) => drawBacklogAge(el, null, size, "No data yet"),
      (el) => drawCycleTimes(el, null, null, size, cycleText),
      (el) => drawHeatMap(el, null, size, heatText),
    ]
    for (const draw of charts) {
      const el = svg()
      draw(el)
      expect(el.querySelector(".no-data")?.textContent).toBe("No data yet")
      expect(all(el, "rect, path, circle, line")).toHaveLength(0)
    }
  })

  it("goes back from marks to no data and from no data to marks", () => {
    const el = svg()
    drawTodayIntake(el, todayFixture(), size, "No data yet")
    drawTodayIntake(el, null, size, "No data yet")
    expect(all(el, "rect")).toHaveLength(0)
    drawTodayIntake(el, todayFixture(), size, "No data yet")
    expect(el.querySelector(".no-data")).toBeNull()
    expect(all(el, "rect.actual")).toHaveLength(15)
  })
})

describe("drawTodayIntake", () => {
  const el = svg()
  const today = todayFixture()
  drawTodayIntake(el, today, size, "No data yet")
  const bars = all(el, "rect.actual")

  it("draws a bar for each hour that has happened and none for hours to come", () => {
    expect(bars).toHaveLength(today.hours.filter((h) => h.actual !== null).length)
  })

  it("scales the bars so the tallest value reaches the top", () => {
    const tallest = Math.max(...bars.map((b) => num(b, "height")))
    const heights = today.hours.filter((h) => h.actual !== null).map((h) => h.actual ?? 0)
    const ratio = tallest / Math.max(...heights)
    bars.forEach((b, i) => expect(num(b, "height")).toBeCloseTo((heights[i] ?? 0) * ratio, 5))
  })

  it("draws the band from lo to hi", () => {
    const ys = pathYs(el.querySelector("path.expected-band")?.getAttribute("d") ?? "")
    expect(ys).toHaveLength(48)
    const his = ys.slice(0, 24)
    const los = ys.slice(24).reverse()
    // Upper edge first (hi), then back along the lower edge (lo): each hi sits above its lo.
    his.forEach((hi, i) => expect(hi).toBeLessThan(los[i] ?? 0))
    // Pixels per order, read off a bar: the band's thickness at noon is (hi - lo) of those.
    const h = today.hours[12]!
    const perOrder = num(bars[0], "height") / (today.hours[0]!.actual ?? 1)
    expect((los[12] ?? 0) - (his[12] ?? 0)).toBeCloseTo((h.hi - h.lo) * perOrder, 1)
  })

  it("marks the current hour and the hours outside the band", () => {
    expect(all(el, "rect.current-hour")).toHaveLength(1)
    expect(all(el, "rect.actual.current")).toHaveLength(1)
    expect(all(el, "rect.actual.above")).toHaveLength(1)
    expect(el.querySelector("path.expected-line")?.getAttribute("d")).toMatch(/^M/)
  })

  it("reuses its nodes when redrawn, so a steady stream of deltas allocates nothing new", () => {
    const first = el.querySelector("rect.actual")
    drawTodayIntake(el, todayFixture(), size, "No data yet")
    expect(el.querySelector("rect.actual")).toBe(first)
    expect(all(el, "g.plot")).toHaveLength(1)
  })

  it("writes its axis at the wall's text size", () => {
    for (const axis of all(el, "g.axis")) expect(axis.getAttribute("font-size")).toBe("20")
  })
})

describe("drawFlowRates", () => {
  it("draws intake and fulfilment per hour, dividing a DST day by its 25 hours", () => {
    const points = seriesFixture()
    const el = svg()
    drawFlowRates(el, points, size, "No data yet")
    expect(all(el, "path.line.intake")).toHaveLength(1)
    expect(all(el, "path.line.fulfilment")).toHaveLength(1)
    expect(all(el, "circle.intake")).toHaveLength(points.length)
    expect(ratePerHour(points[6]!, "intake")).toBeCloseTo(points[6]!.orders / 25)
  })

  it("draws real zeros along the floor", () => {
    const zeros = seriesFixture().map((p) => ({ ...p, orders: 0, fulfilments: 0 }))
    const el = svg()
    drawFlowRates(el, zeros, size, "No data yet")
    const cys = all(el, "circle").map((c) => num(c, "cy"))
    expect(new Set(cys).size).toBe(1)
    expect(el.querySelector(".no-data")).toBeNull()
  })
})

describe("drawBacklogAge", () => {
  it("draws one bar per age bucket, scaled to the largest", () => {
    const backlog = backlogFixture()
    const el = svg()
    drawBacklogAge(el, backlog, size, "No data yet")
    const bars = all(el, "rect.bar")
    expect(bars).toHaveLength(7)
    const tallest = Math.max(...bars.map((b) => num(b, "height")))
    expect(num(bars[0], "height")).toBe(tallest)
    expect(num(bars[1], "height") / tallest).toBeCloseTo(22 / 40)
    expect(all(el, "text.value").map((t) => t.textContent)).toEqual(["40", "22", "31", "9", "4", "2", "1"])
  })

  it("labels the ages the way a floor lead says them", () => {
    const labels = backlogFixture().ageBuckets.map(ageBucketLabel)
    expect(labels).toEqual(["0–4h", "4–8h", "8–24h", "1–2d", "2–3d", "3–7d", "7d+"])
  })

  it("shows an empty backlog as zeros, because zero open orders is known", () => {
    const empty = { ...backlogFixture(), orders: 0, ageBuckets: backlogFixture().ageBuckets.map((b) => ({ ...b, orders: 0 })) }
    const el = svg()
    drawBacklogAge(el, empty, size, "No data yet")
    expect(all(el, "rect.bar").every((b) => num(b, "height") === 0)).toBe(true)
    expect(el.querySelector(".no-data")).toBeNull()
  })
})

const cycleText: CycleText = {
  noData: "No data yet",
  stages: { firstFulfilment: "First", fullFulfilment: "Fulfilled", shipment: "Shipped", delivery: "Delivered" },
  duration: (h) => `${h}h`,
  late: (n) => `${n} late`,
}

describe("drawCycleTimes", () => {
  it("keeps the stages up to the store's final stage, each with its SLA target", () => {
    const rows = cycleRows(cycleTimesFixture(), slaFixture(), cycleText.stages)
    expect(rows.map((r) => r.key)).toEqual(["firstFulfilment", "fullFulfilment", "shipment"])
    expect(rows.map((r) => r.targetHours)).toEqual([null, 24, 36])
    expect(rows.map((r) => r.openLate)).toEqual([null, 7, 9])
  })

  it("draws p50 inside p90 and the target as a tick at its hours", () => {
    const el = svg()
    drawCycleTimes(el, cycleTimesFixture(), slaFixture(), size, cycleText)
    const p50 = all(el, "rect.p50").map((r) => num(r, "width"))
    const p90 = all(el, "rect.p90").map((r) => num(r, "width"))
    expect(p50).toHaveLength(3)
    p50.forEach((w, i) => expect(w).toBeLessThan(p90[i] ?? 0))
    const ticks = all(el, "line.sla-target").map((l) => num(l, "x1"))
    expect(ticks).toHaveLength(2)
    // p90 of full fulfilment is 30h, its target 24h: the tick sits at 24/30 of the bar.
    expect((ticks[0] ?? 0) / (p90[1] ?? 1)).toBeCloseTo(24 / 30)
    expect(all(el, "text.value")[1]?.textContent).toBe("8h / 30h · 7 late")
  })

  it("writes each row's words on a line above its bar, and drops the p90 figure, then the late count, when the line is too narrow", () => {
    const el = svg()
    drawCycleTimes(el, cycleTimesFixture(), slaFixture(), size, cycleText)
    const bars = all(el, "rect.p90")
    all(el, "text.value").forEach((t, i) => expect(num(t, "y")).toBeLessThan(num(bars[i], "y")))
    const narrow = (width: number) => {
      const small = svg()
      drawCycleTimes(small, cycleTimesFixture(), slaFixture(), { ...size, width }, cycleText)
      return all(small, "text.value")[1]?.textContent
    }
    expect(narrow(900)).toBe("8h / 30h · 7 late")
    expect(narrow(330)).toBe("8h · 7 late")
    expect(narrow(240)).toBe("8h")
  })

  it("says no data yet in a row nobody has reached", () => {
    const times = { ...cycleTimesFixture(), final: { ...cycleTimesFixture().final, stage: "delivered" as const } }
    const el = svg()
    drawCycleTimes(el, times, [], size, cycleText)
    expect(all(el, "rect.p50")).toHaveLength(3)
    expect(el.querySelector("text.value.none")?.textContent).toBe("No data yet")
  })
})

const heatText = { noData: "No data yet", weekdays: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] }

describe("drawHeatMap", () => {
  it("draws 168 cells and marks exactly the given peaks and troughs", () => {
    const heat = heatMapFixture()
    const el = svg()
    drawHeatMap(el, heat, size, heatText)
    expect(all(el, "rect.cell")).toHaveLength(168)
    expect(all(el, "rect.peak").map((c) => c.getAttribute("data-hour-of-week"))).toEqual(["6:15", "6:16"])
    expect(all(el, "rect.trough").map((c) => c.getAttribute("data-hour-of-week"))).toEqual(["1:3", "2:4"])
    expect(all(el, "text.row-label").map((t) => t.textContent)).toEqual(heatText.weekdays)
  })

  it("shades by the average and leaves hours that never occurred hollow", () => {
    const heat = heatMapFixture()
    heat.cells[0]![0] = { ...heat.cells[0]![0]!, average: null, occurrences: 0 }
    const el = svg()
    drawHeatMap(el, heat, size, heatText)
    const busiest = Math.max(...all(el, "rect.cell").map((c) => num(c, "fill-opacity")))
    expect(busiest).toBe(1)
    const empty = all(el, "rect.empty")
    expect(empty).toHaveLength(1)
    expect(num(empty[0], "fill-opacity")).toBe(0)
  })

  it("has nothing to show when no hour occurred, or the grid is not 7 x 24", () => {
    const heat = heatMapFixture()
    const hollow = { ...heat, cells: heat.cells.map((row) => row.map((c) => ({ ...c, average: null }))) }
    for (const bad of [hollow, { ...heat, cells: heat.cells.slice(1) }]) {
      const el = svg()
      drawHeatMap(el, bad, size, heatText)
      expect(el.querySelector(".no-data")).not.toBeNull()
    }
  })
})

describe("count axes", () => {
  it("tick whole numbers only, even when the largest count is 1", async () => {
    const { scaleLinear } = await import("d3")
    const { countTicks } = await import("./frame")
    const ticks = countTicks(scaleLinear().domain([0, 1]), 5)
    expect(ticks).toEqual([0, 1])
  })
})

describe("count axes on small rates", () => {
  it("tick 0 and 1, never a fraction of an order, when every value is under 1", async () => {
    const { scaleLinear } = await import("d3")
    const { countTicks, countDomainTop } = await import("./frame")
    expect(countTicks(scaleLinear().domain([0, 0.5]), 5)).toEqual([0, 1])
    expect(countDomainTop(0.4)).toBe(1)
    expect(countDomainTop(7)).toBe(7)
  })

  it("label today's intake in whole orders on a quiet day", () => {
    const today = todayFixture()
    for (const hour of today.hours) Object.assign(hour, { expected: 0.2, lo: 0.1, hi: 0.4, actual: hour.actual === null ? null : 0 })
    const el = svg()
    drawTodayIntake(el, today, size, "No data yet")
    const labels = all(el, ".y-axis .tick text").map((t) => t.textContent)
    expect(labels.length).toBeGreaterThan(0)
    for (const label of labels) expect(Number.isInteger(Number(label))).toBe(true)
  })
})

describe("a redraw touches only the marks whose data changed", () => {
  /** The DOM changes a draw makes, as a MutationObserver sees them. */
  const mutations = (el: SVGSVGElement, draw: () => void) => {
    const observer = new MutationObserver(() => {})
    observer.observe(el, { attributes: true, childList: true, characterData: true, subtree: true })
    draw()
    // Taken at once: the observer's callback would otherwise take them first.
    const records = observer.takeRecords()
    observer.disconnect()
    return records
  }
  const charts: Array<[string, (el: SVGSVGElement) => void]> = [
    ["today's intake", (el) => drawTodayIntake(el, todayFixture(), size, "No data yet")],
    ["flow rates", (el) => drawFlowRates(el, seriesFixture(), size, "No data yet")],
    ["backlog age", (el) => drawBacklogAge(el, backlogFixture(), size, "No data yet")],
    ["cycle times", (el) => drawCycleTimes(el, cycleTimesFixture(), slaFixture(), size, cycleText)],
    ["heat map", (el) => drawHeatMap(el, heatMapFixture(), size, heatText)],
  ]

  it.each(charts)("%s: the same data again changes nothing in the DOM", (_, draw) => {
    const el = svg()
    draw(el)
    expect(mutations(el, () => draw(el))).toHaveLength(0)
    // ...where a plain redraw (every attribute set again) shows up, so the check can fail.
    expect(mutations(el, () => el.querySelectorAll("rect, path, text").forEach((n) => n.setAttribute("class", n.getAttribute("class") ?? "")))).not.toHaveLength(0)
  })

  it("heat map: one hour's new average changes that cell only", () => {
    const el = svg()
    const heat = heatMapFixture()
    drawHeatMap(el, heat, size, heatText)
    const cells = heat.cells.map((row) => row.slice())
    cells[0]![10] = { ...cells[0]![10]!, average: cells[0]![10]!.average! + 0.5 }
    const records = mutations(el, () => drawHeatMap(el, { ...heat, cells }, size, heatText))
    expect(records.map((r) => [(r.target as Element).getAttribute("data-hour-of-week"), r.attributeName])).toEqual([["1:10", "fill-opacity"]])
  })
})
