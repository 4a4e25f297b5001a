import { axisBottom, axisLeft, format, select, type Axis, type AxisDomain, type AxisScale, type BaseType, type ScaleLinear, type Selection } from "d3"

/** A chart's box in CSS pixels and the wall's rem in pixels: text is sized from it, never below it. */
export type Size = { width: number; height: number; font: number }

export type Margin = { top: number; right: number; bottom: number; left: number }

export type Plot = {
  root: Selection<SVGSVGElement, unknown, null, undefined>
  /** the group inside the margins, where the marks go */
  g: Selection<SVGGElement, unknown, null, undefined>
  width: number
  height: number
}

/**
 * Sizes the SVG, drops a "no data" note left from before and gives the drawing area. Layers are
 * joined, not appended, so redrawing on every delta reuses the same nodes.
 */
export function plot(svg: SVGSVGElement, size: Size, margin: Margin): Plot {
  const root = select(svg)
    .call(attrIfChanged, "width", size.width)
    .call(attrIfChanged, "height", size.height)
    .call(attrIfChanged, "viewBox", `0 0 ${size.width} ${size.height}`)
    .call(attrIfChanged, "font-size", size.font)
  root.selectChildren(".no-data").remove()
  const g = root
    .selectAll<SVGGElement, null>("g.plot")
    .data([null])
    .join("g")
    .call(attrIfChanged, "class", "plot")
    .call(attrIfChanged, "transform", `translate(${margin.left},${margin.top})`)
  return {
    root,
    g: g as unknown as Selection<SVGGElement, unknown, null, undefined>,
    width: Math.max(0, size.width - margin.left - margin.right),
    height: Math.max(0, size.height - margin.top - margin.bottom),
  }
}

type Value<D> = string | number | null | ((d: D, i: number) => string | number | null)

/**
 * `selection.attr(name, value)` that leaves an attribute alone when it already holds the value.
 * The browser re-lays out and repaints a mark whose attribute was set, even to what it was: a
 * redraw after one hour's count moved would otherwise redo all 168 cells of the heat map.
 * Use with `call`: `.call(attrIfChanged, "x", (d) => x(d.hour))`.
 */
export function attrIfChanged<GE extends BaseType, D, PE extends BaseType, PD>(
  selection: Selection<GE, D, PE, PD>,
  name: string,
  value: Value<D>
): void {
  selection.each(function (d, i) {
    const next = typeof value === "function" ? value(d, i) : value
    const node = this as Element
    if (next === null) node.removeAttribute(name)
    else if (node.getAttribute(name) !== String(next)) node.setAttribute(name, String(next))
  })
}

/** `selection.text(value)` that leaves a text alone when it already reads the same. */
export function textIfChanged<GE extends BaseType, D, PE extends BaseType, PD>(
  selection: Selection<GE, D, PE, PD>,
  value: Value<D>
): void {
  selection.each(function (d, i) {
    const next = typeof value === "function" ? value(d, i) : value
    const node = this as Element
    if (node.textContent !== String(next ?? "")) node.textContent = String(next ?? "")
  })
}

/** One named group per kind of mark, created once (and named once: an axis adds its own class). */
export function layer(parent: Selection<SVGGElement, unknown, null, undefined>, name: string) {
  return parent
    .selectAll<SVGGElement, null>(`:scope > g.${name}`)
    .data([null])
    .join((enter) => enter.append("g").attr("class", name)) as unknown as Selection<SVGGElement, unknown, null, undefined>
}

/** Says plainly that there is nothing to draw, instead of drawing zeros the wall does not have. */
export function noData(svg: SVGSVGElement, size: Size, text: string): void {
  svg.replaceChildren()
  select(svg)
    .attr("width", size.width)
    .attr("height", size.height)
    .attr("viewBox", `0 0 ${size.width} ${size.height}`)
    .append("text")
    .attr("class", "no-data")
    .attr("x", size.width / 2)
    .attr("y", size.height / 2)
    .attr("text-anchor", "middle")
    .attr("dominant-baseline", "middle")
    .attr("font-size", size.font * 1.2)
    .text(text)
}

/**
 * How wide `text` is drawn at `fontPx` in this SVG's font: measured on a canvas (the DOM stays
 * untouched, so a redraw with the same data changes nothing), else estimated where there is no
 * canvas (jsdom): a CJK character is a full em, anything else about 0.6 of one.
 */
let measure: CanvasRenderingContext2D | null | undefined
export function textWidth(svg: SVGSVGElement, text: string, fontPx: number): number {
  if (measure === undefined) {
    // jsdom has no canvas (and says so on the console)
    if (typeof navigator !== "undefined" && /jsdom/i.test(navigator.userAgent)) measure = null
    else try {
      measure = document.createElement("canvas").getContext("2d")
    } catch {
      measure = null
    }
  }
  if (measure) {
    const style = getComputedStyle(svg)
    measure.font = `${style.fontWeight || 400} ${fontPx}px ${style.fontFamily || "sans-serif"}`
    const width = measure.measureText(text).width
    if (width > 0) return width
  }
  return [...text].reduce((sum, ch) => sum + (/[\u2e80-\uffff]/.test(ch) ? 1 : 0.6), 0) * fontPx
}

/** Axis text at the wall's rem: d3's default 10 px cannot be read from five metres. */
export function styleAxis(axis: Selection<SVGGElement, unknown, null, undefined>, size: Size): void {
  axis.attr("font-size", size.font).attr("font-family", null).classed("axis", true)
}

type ScaleLike<D> = AxisScale<D> & {
  range(): number[]
  ticks?(...args: unknown[]): D[]
  domain(): D[]
}

/**
 * Draws an axis at the wall's rem, but only when what it shows moved. d3's axis rewrites every
 * tick on each call, and most deltas move a bar or a line, not a tick: what the axis shows is its
 * ticks' places and labels, so those decide.
 */
export function drawAxis<D extends AxisDomain>(group: Selection<SVGGElement, unknown, null, undefined>, axis: Axis<D>, size: Size): void {
  const scale = axis.scale() as ScaleLike<D>
  const values = axis.tickValues() ?? (scale.ticks ? scale.ticks(...axis.tickArguments()) : scale.domain())
  const label = axis.tickFormat() ?? ((v: D) => String(v))
  const shows = [size.font, scale.range().join(","), scale.bandwidth?.() ?? 0, ...values.map((v, i) => `${scale(v)}=${label(v, i)}`)].join("|")
  const node = group.node() as (SVGGElement & { __axisShows?: string }) | null
  if (!node || node.__axisShows === shows) return
  node.__axisShows = shows
  // ticks and their gap grow with the text, so a 4K wall's labels keep clear of the marks
  group.call(axis.tickSize(size.font * 0.3).tickPadding(size.font * 0.3))
  styleAxis(group, size)
}

/** Every nth of many labels, so ticks never collide at the wall's font size. */
export function thin<T>(values: readonly T[], room: number, labelWidth: number): T[] {
  const fit = Math.max(1, Math.floor(room / Math.max(1, labelWidth)))
  const step = Math.max(1, Math.ceil(values.length / fit))
  return values.filter((_, i) => i % step === 0)
}

/**
 * Ticks for a count axis: whole numbers only (a wall showing "0.4 orders" reads as a bug). A
 * domain under 1 gets 0 and 1, and the chart's scale should reach 1 (`countDomainTop`).
 */
export function countTicks(scale: { ticks(count?: number): number[]; domain(): number[] }, wanted: number): number[] {
  const whole = scale.ticks(wanted).filter((value) => Number.isInteger(value))
  if (whole.length >= 2) return whole
  const top = Math.max(1, Math.ceil(Math.max(...scale.domain())))
  return [0, top]
}

/** Ticks at least `gap` pixels apart, from the bottom up: a short chart keeps fewer labels. */
export function spaced(ticks: number[], y: (value: number) => number, gap: number): number[] {
  const kept: number[] = []
  for (const tick of ticks) {
    if (kept.length === 0 || Math.abs(y(kept[kept.length - 1]) - y(tick)) >= gap) kept.push(tick)
  }
  return kept
}

/** The top of a count axis: at least 1, so a quiet hour does not stretch a fraction over the chart. */
export const countDomainTop = (top: number | undefined) => Math.max(1, top ?? 0)

/**
 * The time charts' two axes, declared once: labelled time keys along the bottom (thinned to
 * fit the wall's font), whole-number counts up the side.
 */
export function timeAxes(
  { g, width, height }: Plot,
  x: { domain(): string[] } & AxisScale<string>,
  y: ScaleLinear<number, number>,
  size: Size,
  labelOf: Map<string, string>,
  labelWidth: number
): void {
  drawAxis(
    layer(g, "x-axis").call(attrIfChanged, "transform", `translate(0,${height})`),
    axisBottom(x)
      .tickValues(thin(x.domain(), width, labelWidth))
      .tickFormat((key) => labelOf.get(key) ?? "")
      .tickSizeOuter(0),
    size
  )
  drawAxis(
    layer(g, "y-axis"),
    axisLeft(y)
      // no "0": the bottom axis is zero, and its label would sit on the first time label
      .tickValues(spaced(countTicks(y, Math.max(2, Math.floor(height / (size.font * 2.5)))), y, size.font * 1.5).filter((v) => v !== 0))
      .tickFormat(format("~g"))
      .tickSizeOuter(0),
    size
  )
}
