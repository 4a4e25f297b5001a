import { line, max, scalePoint, scaleLinear } from "d3"
import type { SeriesPoint } from "@order-rhythm/live-client"
import { attrIfChanged, countDomainTop, layer, noData, plot, type Size, timeAxes, textIfChanged } from "./frame"

export type FlowSeries = "intake" | "fulfilment"

/**
 * Orders in against fulfilments out, per hour of each point. A day point covers 23, 24 or 25
 * hours (DST), so counts are divided by the hours it covers, not by 24: the lines stay comparable.
 */
export function ratePerHour(point: SeriesPoint, series: FlowSeries): number {
  const count = series === "intake" ? point.orders : point.fulfilments
  return point.hours > 0 ? count / point.hours : 0
}

export function drawFlowRates(svg: SVGSVGElement, points: SeriesPoint[] | null, size: Size, noDataText: string): void {
  if (!points || points.length === 0) return noData(svg, size, noDataText)
  const f = size.font
  const frame = plot(svg, size, { top: f * 0.6, right: f * 1.2, bottom: f * 1.8, left: f * 2.6 })
  const { g, width, height } = frame

  const x = scalePoint<string>()
    .domain(points.map((p) => p.startUtc))
    .range([0, width])
    .padding(0.3)
  const top = max(points, (p) => Math.max(ratePerHour(p, "intake"), ratePerHour(p, "fulfilment"))) ?? 0
  const y = scaleLinear()
    .domain([0, countDomainTop(top)])
    .nice()
    .range([height, 0])
  const labelOf = new Map(points.map((p) => [p.startUtc, shortLabel(p.label)]))

  for (const series of ["intake", "fulfilment"] as const) {
    const marks = layer(g, series)
    marks
      .selectAll("path")
      .data([points])
      .join("path")
      .call(attrIfChanged, "class", `line ${series}`)
      .call(attrIfChanged, "fill", "none")
      .call(attrIfChanged, 
        "d",
        line<SeriesPoint>()
          .x((p) => x(p.startUtc) ?? 0)
          .y((p) => y(ratePerHour(p, series)))
      )
    marks
      .selectAll("circle")
      .data(points, (p) => (p as SeriesPoint).startUtc)
      .join("circle")
      .call(attrIfChanged, "class", `dot ${series}`)
      .call(attrIfChanged, "r", f * 0.2)
      .call(attrIfChanged, "cx", (p) => x(p.startUtc) ?? 0)
      .call(attrIfChanged, "cy", (p) => y(ratePerHour(p, series)))
  }

  timeAxes(frame, x, y, size, labelOf, f * 4)
}

/** Day points are labelled with their local date: the month and day are enough on the axis. */
function shortLabel(label: string): string {
  const date = /^\d{4}-(\d{2})-(\d{2})$/.exec(label)
  return date ? `${date[1]}-${date[2]}` : label
}
