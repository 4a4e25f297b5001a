import { axisBottom, max, scaleBand, scaleLinear } from "d3"
import type { CycleTime, CycleTimes, FinalStage, SlaStage, StageBreaches } from "@order-rhythm/live-client"
import { attrIfChanged, drawAxis, layer, noData, plot, type Size, textIfChanged, textWidth } from "./frame"

export type CycleRow = {
  key: "firstFulfilment" | "fullFulfilment" | "shipment" | "delivery"
  label: string
  time: CycleTime
  /** the SLA target for this stage, when the store set one */
  targetHours: number | null
  /** open orders already past the target */
  openLate: number | null
}

const STAGES: ReadonlyArray<{ key: CycleRow["key"]; sla: SlaStage | null; after: FinalStage | null }> = [
  { key: "firstFulfilment", sla: null, after: null },
  { key: "fullFulfilment", sla: "fulfilled", after: null },
  { key: "shipment", sla: "shipped", after: "fulfilled" },
  { key: "delivery", sla: "delivered", after: "shipped" },
]
const FINAL_ORDER: readonly FinalStage[] = ["fulfilled", "shipped", "delivered"]

/**
 * One row per stage the store tracks, each with its SLA target. Stages after the store's final
 * stage are left out (the engine skips their SLA too): a store that never marks delivery would
 * otherwise show an empty delivery row forever.
 */
export function cycleRows(
  times: CycleTimes,
  sla: StageBreaches[] | null,
  labels: Record<CycleRow["key"], string>
): CycleRow[] {
  const finalIndex = FINAL_ORDER.indexOf(times.final.stage)
  return STAGES.filter((s) => s.after === null || FINAL_ORDER.indexOf(s.after) < finalIndex).map((s) => {
    const breach = s.sla ? sla?.find((b) => b.stage === s.sla) : undefined
    return {
      key: s.key,
      label: labels[s.key],
      time: times[s.key],
      targetHours: breach?.targetHours ?? null,
      openLate: breach ? breach.openLate : null,
    }
  })
}

export type CycleText = {
  noData: string
  stages: Record<CycleRow["key"], string>
  duration: (hours: number) => string
  late: (n: number) => string
}

/**
 * Placed-to-stage time per stage: p90 as a pale bar, p50 as a solid one inside it, the SLA target
 * as a tick across the bar. Each row's words stand on a line of their own above its bar (stage on
 * the left, times and late orders on the right), so they never sit on a bar or run past the panel:
 * when the whole line does not fit, the p90 figure, then the late count, give way. A stage nobody
 * has reached yet says so in its row.
 */
export function drawCycleTimes(
  svg: SVGSVGElement,
  times: CycleTimes | null,
  sla: StageBreaches[] | null,
  size: Size,
  text: CycleText
): void {
  if (!times) return noData(svg, size, text.noData)
  const rows = cycleRows(times, sla, text.stages)
  const f = size.font
  const { g, width, height } = plot(svg, size, { top: f * 0.2, right: f * 0.4, bottom: f * 1.8, left: f * 0.2 })

  const y = scaleBand<string>()
    .domain(rows.map((r) => r.key))
    .range([0, height])
    .paddingInner(0.15)
  const top = max(rows, (r) => Math.max(r.time.p90 ?? 0, r.time.p50 ?? 0, r.targetHours ?? 0)) ?? 0
  const x = scaleLinear()
    .domain([0, top > 0 ? top : 1])
    .nice()
    .range([0, width])
  const known = rows.filter((r) => r.time.p50 !== null)
  // the words' line, then the bar under it
  const line = f * 1.5
  const barTop = (r: CycleRow) => (y(r.key) ?? 0) + line
  const barHeight = Math.max(f * 0.3, Math.min(f * 1.4, y.bandwidth() - line))
  const baseline = (r: CycleRow) => (y(r.key) ?? 0) + f * 1.05

  const valueText = (r: CycleRow): string => {
    if (r.time.p50 === null) return text.noData
    const late = r.openLate ? ` · ${text.late(r.openLate)}` : ""
    const p50 = text.duration(r.time.p50)
    const both = `${p50} / ${text.duration(r.time.p90 ?? r.time.p50)}`
    const room = width - textWidth(svg, r.label, f) - f * 0.8
    return [`${both}${late}`, `${p50}${late}`, p50].find((candidate) => textWidth(svg, candidate, f) <= room) ?? p50
  }

  layer(g, "labels")
    .selectAll("text")
    .data(rows, (r) => (r as CycleRow).key)
    .join("text")
    .call(attrIfChanged, "class", "row-label")
    .call(attrIfChanged, "text-anchor", "start")
    .call(attrIfChanged, "x", 0)
    .call(attrIfChanged, "y", baseline)
    .call(textIfChanged, (r) => r.label)

  layer(g, "p90")
    .selectAll("rect")
    .data(
      known.filter((r) => r.time.p90 !== null),
      (r) => (r as CycleRow).key
    )
    .join("rect")
    .call(attrIfChanged, "class", "p90")
    .call(attrIfChanged, "x", 0)
    .call(attrIfChanged, "y", barTop)
    .call(attrIfChanged, "height", barHeight)
    .call(attrIfChanged, "width", (r) => x(r.time.p90 ?? 0))

  layer(g, "p50")
    .selectAll("rect")
    .data(known, (r) => (r as CycleRow).key)
    .join("rect")
    .call(attrIfChanged, "class", (r) => (r.targetHours !== null && (r.time.p50 ?? 0) > r.targetHours ? "p50 over" : "p50"))
    .call(attrIfChanged, "x", 0)
    .call(attrIfChanged, "y", (r) => barTop(r) + barHeight * 0.2)
    .call(attrIfChanged, "height", barHeight * 0.6)
    .call(attrIfChanged, "width", (r) => x(r.time.p50 ?? 0))

  layer(g, "targets")
    .selectAll("line")
    .data(
      rows.filter((r) => r.targetHours !== null),
      (r) => (r as CycleRow).key
    )
    .join("line")
    .call(attrIfChanged, "class", "sla-target")
    .call(attrIfChanged, "x1", (r) => x(r.targetHours ?? 0))
    .call(attrIfChanged, "x2", (r) => x(r.targetHours ?? 0))
    .call(attrIfChanged, "y1", (r) => barTop(r) - f * 0.15)
    .call(attrIfChanged, "y2", (r) => barTop(r) + barHeight + f * 0.15)

  layer(g, "values")
    .selectAll("text")
    .data(rows, (r) => (r as CycleRow).key)
    .join("text")
    .call(attrIfChanged, "class", (r) => (r.time.p50 === null ? "value none" : r.openLate ? "value late" : "value"))
    .call(attrIfChanged, "text-anchor", "end")
    .call(attrIfChanged, "x", width)
    .call(attrIfChanged, "y", baseline)
    .call(textIfChanged, valueText)

  drawAxis(
    layer(g, "x-axis").call(attrIfChanged, "transform", `translate(0,${height})`),
    axisBottom(x)
      .ticks(Math.max(2, Math.floor(width / (f * 4))))
      .tickFormat((h) => `${h}h`)
      .tickSizeOuter(0),
    size
  )
}
