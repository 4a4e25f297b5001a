import { axisBottom, max, scaleBand, scaleLinear } from "d3"
import type { AgeBucket, Backlog } from "@order-rhythm/live-client"
import { attrIfChanged, drawAxis, layer, noData, plot, type Size, textIfChanged, textWidth } from "./frame"

/** "0–4h", "1–2d", "7d+": the ages a floor lead acts on, in the unit they think in. */
export function ageBucketLabel(bucket: AgeBucket): string {
  const { fromHours: from, toHours: to } = bucket
  const inDays = (h: number) => h >= 24 && h % 24 === 0
  const unit = (h: number) => (inDays(h) ? `${h / 24}d` : `${h}h`)
  if (to === null) return `${unit(from)}+`
  if (to <= 24) return `${from}–${to}h`
  if (inDays(from) && inDays(to)) return `${from / 24}–${to / 24}d`
  return `${unit(from)}–${unit(to)}`
}

/** How many open orders are how old: one bar per age bucket, its count above it. */
export function drawBacklogAge(svg: SVGSVGElement, backlog: Backlog | null, size: Size, noDataText: string): void {
  if (!backlog || backlog.ageBuckets.length === 0) return noData(svg, size, noDataText)
  const buckets = backlog.ageBuckets
  const f = size.font
  // Seven age labels rarely fit side by side on a third of a wall: every other one drops a line.
  const widest = Math.max(...buckets.map((b) => textWidth(svg, ageBucketLabel(b), f)))
  const step = (size.width - f * 0.8) / (buckets.length + 0.2)
  const staggered = widest + f * 0.4 > step
  const { g, width, height } = plot(svg, size, { top: f * 1.4, right: f * 0.4, bottom: f * (staggered ? 3.3 : 1.8), left: f * 0.4 })

  const key = (b: AgeBucket) => String(b.fromHours)
  const x = scaleBand<string>().domain(buckets.map(key)).range([0, width]).padding(0.2)
  // A real zero backlog is data: flat bars and zeros, on a scale that does not divide by it.
  const top = max(buckets, (b) => b.orders) ?? 0
  const y = scaleLinear()
    .domain([0, top > 0 ? top : 1])
    .range([height, 0])
  const labelOf = new Map(buckets.map((b) => [key(b), ageBucketLabel(b)]))

  layer(g, "bars")
    .selectAll("rect")
    .data(buckets, (b) => key(b as AgeBucket))
    .join("rect")
    .call(attrIfChanged, "class", (b, i) => (i >= buckets.length - 2 ? "bar old" : "bar"))
    .call(attrIfChanged, "x", (b) => x(key(b)) ?? 0)
    .call(attrIfChanged, "width", x.bandwidth())
    .call(attrIfChanged, "y", (b) => y(b.orders))
    .call(attrIfChanged, "height", (b) => height - y(b.orders))

  layer(g, "values")
    .selectAll("text")
    .data(buckets, (b) => key(b as AgeBucket))
    .join("text")
    .call(attrIfChanged, "class", "value")
    .call(attrIfChanged, "text-anchor", "middle")
    .call(attrIfChanged, "x", (b) => (x(key(b)) ?? 0) + x.bandwidth() / 2)
    .call(attrIfChanged, "y", (b) => y(b.orders) - f * 0.3)
    .call(textIfChanged, (b) => String(b.orders))

  drawAxis(
    layer(g, "x-axis").call(attrIfChanged, "transform", `translate(0,${height})`),
    axisBottom(x)
      .tickFormat((k) => labelOf.get(k) ?? "")
      .tickSizeOuter(0),
    size
  )
  layer(g, "x-axis")
    .selectAll<SVGTextElement, string>(".tick text")
    .call(attrIfChanged, "dy", (_, i) => (staggered && i % 2 === 1 ? "2.21em" : "0.71em"))
}
