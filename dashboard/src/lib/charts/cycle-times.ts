import { axisBottom, max, scaleBand, scaleLinear } from "d3"
import type { CycleTime, CycleTimes, FinalStage, SlaStage, StageBreaches } from "@order-rhythm/live-client"
import { attrIfChanged, drawAxis, layer, noData, plot, type Size, textIfChanged } from "./frame"

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
 * as a tick across the row. A stage nobody has reached yet says so in its row.
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
  const { g, width, height } = plot(svg, size, { top: f * 0.4, right: f * 0.8, bottom: f * 1.8, left: f * 7 })

  const y = scaleBand<string>()
    .domain(rows.map((r) => r.key))
    .range([0, height])
    .padding(0.25)
  const top = max(rows, (r) => Math.max(r.time.p90 ?? 0, r.time.p50 ?? 0, r.targetHours ?? 0)) ?? 0
  const x = scaleLinear()
    .domain([0, top > 0 ? top : 1])
    .nice()
    .range([0, width])
  const known = rows.filter((r) => r.time.p50 !== null)
  const mid = (r: CycleRow) => (y(r.key) ?? 0) + y.bandwidth() / 2

  layer(g, "labels")
    .selectAll("text")
    .data(rows, (r) => (r as CycleRow).key)
    .join("text")
    .call(attrIfChanged, "class", "row-label")
    .call(attrIfChanged, "text-anchor", "end")
    .call(attrIfChanged, "dominant-baseline", "middle")
    .call(attrIfChanged, "x", -f * 0.4)
    .call(attrIfChanged, "y", mid)
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
    .call(attrIfChanged, "y", (r) => y(r.key) ?? 0)
    .call(attrIfChanged, "height", y.bandwidth())
    .call(attrIfChanged, "width", (r) => x(r.time.p90 ?? 0))

  layer(g, "p50")
    .selectAll("rect")
    .data(known, (r) => (r as CycleRow).key)
    .join("rect")
    .call(attrIfChanged, "class", (r) => (r.targetHours !== null && (r.time.p50 ?? 0) > r.targetHours ? "p50 over" : "p50"))
    .call(attrIfChanged, "x", 0)
    .call(attrIfChanged, "y", (r) => (y(r.key) ?? 0) + y.bandwidth() * 0.2)
    .call(attrIfChanged, "height", y.bandwidth() * 0.6)
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
    .call(attrIfChanged, "y1", (r) => (y(r.key) ?? 0) - y.paddingInner() * y.step() * 0.4)
    .call(attrIfChanged, "y2", (r) => (y(r.key) ?? 0) + y.bandwidth() + y.paddingInner() * y.step() * 0.4)

  layer(g, "values")
    .selectAll("text")
    .data(rows, (r) => (r as CycleRow).key)
    .join("text")
    .call(attrIfChanged, "class", (r) => (r.time.p50 === null ? "value none" : "value"))
    .call(attrIfChanged, "dominant-baseline", "middle")
    .call(attrIfChanged, "x", (r) => (r.time.p50 === null ? 0 : Math.min(x(r.time.p50) + f * 0.3, width - f * 6)))
    .call(attrIfChanged, "y", mid)
    .call(textIfChanged, (r) => {
      if (r.time.p50 === null) return text.noData
      const late = r.openLate ? ` · ${text.late(r.openLate)}` : ""
      return `${text.duration(r.time.p50)} / ${text.duration(r.time.p90 ?? r.time.p50)}${late}`
    })

  drawAxis(
    layer(g, "x-axis").call(attrIfChanged, "transform", `translate(0,${height})`),
    axisBottom(x)
      .ticks(Math.max(2, Math.floor(width / (f * 4))))
      .tickFormat((h) => `${h}h`)
      .tickSizeOuter(0),
    size
  )
}
