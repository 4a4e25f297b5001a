import { useEffect, useRef, useState } from "react"
import type { Size } from "../../lib/wall-charts"

type Props = {
  /** the chart function with its data bound: a new function (new data) redraws */
  draw: (svg: SVGSVGElement, size: Size) => void
  label: string
  testId: string
}

/**
 * Gives one of the wall's chart functions an SVG of this box's size and the admin's text size,
 * and draws again when the data or the box changes. The marks are D3's, so React never renders
 * inside the SVG.
 */
export const Chart = ({ draw, label, testId }: Props) => {
  const box = useRef<HTMLDivElement>(null)
  const svg = useRef<SVGSVGElement>(null)
  const [size, setSize] = useState<Size | null>(null)

  useEffect(() => {
    const element = box.current
    if (!element) return
    const measure = () => {
      const rect = element.getBoundingClientRect()
      const font = parseFloat(getComputedStyle(element).fontSize) || 12
      const next = { width: Math.floor(rect.width), height: Math.floor(rect.height), font }
      setSize((now) => (now && now.width === next.width && now.height === next.height && now.font === next.font ? now : next))
    }
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    return () => observer.disconnect()
  }, [])

  useEffect(() => {
    if (svg.current && size && size.width > 0 && size.height > 0) draw(svg.current, size)
  }, [draw, size])

  return (
    <div ref={box} className="order-rhythm-chart txt-compact-small relative h-56 min-w-0" data-testid={testId}>
      <svg ref={svg} role="img" aria-label={label} className="absolute inset-0 overflow-visible" />
    </div>
  )
}

/**
 * The look of the marks the chart functions draw (they set classes, the screen sets colours), in
 * Medusa UI's colour tokens so the charts follow the admin's light and dark themes.
 */
export const CHART_STYLE = `
.order-rhythm-chart svg text { fill: var(--fg-subtle); }
.order-rhythm-chart svg .axis path, .order-rhythm-chart svg .axis line { stroke: var(--border-strong); }
.order-rhythm-chart svg text.no-data { fill: var(--fg-muted); }
.order-rhythm-chart svg .actual { fill: var(--tag-green-icon); }
.order-rhythm-chart svg .actual.current { fill: var(--tag-green-bg); stroke: var(--tag-green-icon); stroke-width: 0.1em; }
.order-rhythm-chart svg .actual.below { fill: var(--tag-orange-icon); }
.order-rhythm-chart svg .current-hour { fill: var(--bg-subtle-hover); }
.order-rhythm-chart svg .expected-band { fill: var(--tag-purple-bg); }
.order-rhythm-chart svg .expected-line { stroke: var(--tag-purple-icon); stroke-width: 0.15em; }
.order-rhythm-chart svg .line.intake { stroke: var(--tag-green-icon); stroke-width: 0.15em; }
.order-rhythm-chart svg .line.fulfilment { stroke: var(--tag-blue-icon); stroke-width: 0.15em; }
.order-rhythm-chart svg .dot.intake { fill: var(--tag-green-icon); }
.order-rhythm-chart svg .dot.fulfilment { fill: var(--tag-blue-icon); }
.order-rhythm-chart svg .bar { fill: var(--tag-green-icon); }
.order-rhythm-chart svg .bar.old { fill: var(--tag-orange-icon); }
.order-rhythm-chart svg text.value { fill: var(--fg-base); paint-order: stroke; stroke: var(--bg-base); stroke-width: 0.25em; stroke-linejoin: round; }
.order-rhythm-chart svg .p90 { fill: var(--tag-green-bg); }
.order-rhythm-chart svg .p50 { fill: var(--tag-green-icon); }
.order-rhythm-chart svg .p50.over { fill: var(--tag-orange-icon); }
.order-rhythm-chart svg .sla-target { stroke: var(--tag-red-icon); stroke-width: 0.2em; }
.order-rhythm-chart svg text.row-label { fill: var(--fg-base); }
.order-rhythm-legend-key { display: inline-block; width: 0.75rem; height: 0.75rem; border-radius: 0.125rem; margin-left: 0.5rem; margin-right: 0.25rem; vertical-align: middle; }
`
