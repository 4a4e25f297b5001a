import { area, line, max, scaleBand, scaleLinear } from "d3"
import type { TodayHour, TodayIntake } from "@order-rhythm/live-client"
import { attrIfChanged, countDomainTop, layer, noData, plot, type Size, timeAxes, textIfChanged } from "./frame"

/**
 * Today's intake per local hour against what the store usually sees: bars for what came in, the
 * usual range (lo..hi) as a band, the expected curve as a line, the hour in progress marked.
 * Hours are keyed by their UTC start, so a 23- or 25-hour DST day needs nothing special.
 */
export function drawTodayIntake(svg: SVGSVGElement, today: TodayIntake | null, size: Size, noDataText: string): void {
  if (!today || today.hours.length === 0) return noData(svg, size, noDataText)
  const hours = today.hours
  const f = size.font
  const frame = plot(svg, size, { top: f * 0.6, right: f * 0.6, bottom: f * 1.8, left: f * 2.6 })
  const { g, width, height } = frame

  const x = scaleBand<string>()
    .domain(hours.map((h) => h.hourStartUtc))
    .range([0, width])
    .padding(0.2)
  const top = max(hours, (h) => Math.max(h.hi, h.expected, h.actual ?? 0)) ?? 0
  const y = scaleLinear()
    .domain([0, countDomainTop(top)])
    .nice()
    .range([height, 0])
  const mid = (h: TodayHour) => (x(h.hourStartUtc) ?? 0) + x.bandwidth() / 2
  const labelOf = new Map(hours.map((h) => [h.hourStartUtc, h.label]))

  layer(g, "now")
    .selectAll("rect")
    .data(hours.filter((h) => h.state === "current"))
    .join("rect")
    .call(attrIfChanged, "class", "current-hour")
    .call(attrIfChanged, "x", (h) => (x(h.hourStartUtc) ?? 0) - (x.step() * x.paddingInner()) / 2)
    .call(attrIfChanged, "width", x.step())
    .call(attrIfChanged, "y", 0)
    .call(attrIfChanged, "height", height)

  layer(g, "band")
    .selectAll("path")
    .data([hours])
    .join("path")
    .call(attrIfChanged, "class", "expected-band")
    .call(attrIfChanged, 
      "d",
      area<TodayHour>()
        .x(mid)
        .y0((h) => y(h.lo))
        .y1((h) => y(h.hi))
    )

  layer(g, "bars")
    .selectAll("rect")
    .data(
      hours.filter((h) => h.actual !== null),
      (h) => (h as TodayHour).hourStartUtc
    )
    .join("rect")
    .call(attrIfChanged, "class", (h) => ["actual", h.state, h.outside ?? ""].join(" ").trim())
    .call(attrIfChanged, "x", (h) => x(h.hourStartUtc) ?? 0)
    .call(attrIfChanged, "width", x.bandwidth())
    .call(attrIfChanged, "y", (h) => y(h.actual ?? 0))
    .call(attrIfChanged, "height", (h) => height - y(h.actual ?? 0))

  layer(g, "expected")
    .selectAll("path")
    .data([hours])
    .join("path")
    .call(attrIfChanged, "class", "expected-line")
    .call(attrIfChanged, "fill", "none")
    .call(attrIfChanged, 
      "d",
      line<TodayHour>()
        .x(mid)
        .y((h) => y(h.expected))
    )

  timeAxes(frame, x, y, size, labelOf, f * 3.6)
}
