import { max, scaleBand, scaleLinear } from "d3"
import type { HeatCell, HeatMap } from "@order-rhythm/live-client"
import { attrIfChanged, layer, noData, plot, type Size, textIfChanged, textWidth } from "./frame"

/** The grid must be 7 x 24 with at least one hour that occurred, or there is nothing to show. */
export function hasHeat(heat: HeatMap | null): heat is HeatMap {
  return (
    heat !== null &&
    heat.cells.length === 7 &&
    heat.cells.every((row) => row.length === 24) &&
    heat.cells.some((row) => row.some((c) => c.average !== null))
  )
}

export type HeatText = { noData: string; weekdays: readonly string[] }

/**
 * Average intake for each local hour of the week, darker = busier. Peaks are outlined solid and
 * troughs dashed, as the engine chose them (relative cuts), so the chart never decides what busy
 * means. An hour that never occurred in the window is left hollow, not drawn as zero.
 */
export function drawHeatMap(svg: SVGSVGElement, heat: HeatMap | null, size: Size, text: HeatText): void {
  if (!hasHeat(heat)) return noData(svg, size, text.noData)
  const f = size.font
  const dayWidth = Math.max(...text.weekdays.map((day) => textWidth(svg, day, f)))
  const { g, width, height } = plot(svg, size, { top: f * 0.6, right: f * 0.3, bottom: f * 1.6, left: dayWidth + f * 0.5 })
  const cells = heat.cells.flat()
  const peak = new Set(heat.peaks.map((p) => `${p.weekday}:${p.hour}`))
  const trough = new Set(heat.troughs.map((p) => `${p.weekday}:${p.hour}`))
  const id = (c: HeatCell) => `${c.weekday}:${c.hour}`

  const x = scaleBand<number>()
    .domain(Array.from({ length: 24 }, (_, h) => h))
    .range([0, width])
    .padding(0.08)
  const y = scaleBand<number>()
    .domain([1, 2, 3, 4, 5, 6, 7])
    .range([0, height])
    .padding(0.08)
  const top = max(cells, (c) => c.average ?? 0) ?? 0
  // Opacity, not colour, carries the value, so one theme colour works on dark and light walls.
  const shade = scaleLinear()
    .domain([0, top > 0 ? top : 1])
    .range([0.06, 1])

  layer(g, "cells")
    .selectAll("rect")
    .data(cells, (c) => id(c as HeatCell))
    .join("rect")
    .call(attrIfChanged, "class", (c) => ["cell", c.average === null ? "empty" : "", peak.has(id(c)) ? "peak" : "", trough.has(id(c)) ? "trough" : ""].filter(Boolean).join(" "))
    .call(attrIfChanged, "data-hour-of-week", id)
    .call(attrIfChanged, "x", (c) => x(c.hour) ?? 0)
    .call(attrIfChanged, "y", (c) => y(c.weekday) ?? 0)
    .call(attrIfChanged, "width", x.bandwidth())
    .call(attrIfChanged, "height", y.bandwidth())
    .call(attrIfChanged, "fill-opacity", (c) => (c.average === null ? 0 : shade(c.average)))

  // a short grid names every 2nd, 3rd or 6th day (Mon, Wed, Fri, Sun...) rather than stack them
  const every = [1, 2, 3, 6].find((k) => k * y.step() >= f * 1.5) ?? 6
  const days = [1, 2, 3, 4, 5, 6, 7].filter((d) => (d - 1) % every === 0)
  layer(g, "weekdays")
    .selectAll("text")
    .data(days)
    .join("text")
    .call(attrIfChanged, "class", "row-label")
    .call(attrIfChanged, "text-anchor", "end")
    .call(attrIfChanged, "dominant-baseline", "middle")
    .call(attrIfChanged, "x", -f * 0.3)
    .call(attrIfChanged, "y", (d) => (y(d) ?? 0) + y.bandwidth() / 2)
    .call(textIfChanged, (d) => text.weekdays[d - 1] ?? "")

  const hourLabel = (h: number) => `${String(h).padStart(2, "0")}:00`
  // each label starts at its hour and needs its width and a gap before the next: every 3, 6 or 12 hours
  const room = textWidth(svg, hourLabel(0), f) + f * 0.8
  const hoursApart = [3, 6, 12].find((hours) => (width * hours) / 24 >= room) ?? 24
  const hourLabels = Array.from({ length: 24 / hoursApart }, (_, i) => i * hoursApart)
  layer(g, "hours")
    .selectAll("text")
    .data(hourLabels)
    .join("text")
    .call(attrIfChanged, "class", "col-label")
    .call(attrIfChanged, "x", (h) => x(h) ?? 0)
    .call(attrIfChanged, "y", height + f * 1.2)
    .call(textIfChanged, hourLabel)
}
