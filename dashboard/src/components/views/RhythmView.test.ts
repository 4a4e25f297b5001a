import { afterEach, describe, expect, it, vi } from "vitest"
import { tick } from "svelte"
import { cleanup, render } from "@testing-library/svelte"
import RhythmView from "./RhythmView.svelte"
import { applyDelta, applySnapshot, emptyLiveState } from "@order-rhythm/live-client"
import { wordsFor } from "../../lib/i18n/words"
import { backlogFixture, cycleTimesFixture, heatMapFixture, seriesFixture, slaFixture, tickerFixture, todayFixture, totalsFixture } from "../../lib/charts/fixtures"

afterEach(cleanup)

const withData = applySnapshot(emptyLiveState, {
  seqs: { wall: 3 },
  at: "2025-06-02T12:30:00Z",
  timezone: "Asia/Shanghai",
  rooms: { wall: { totals: { today: totalsFixture() }, ticker: { latest: tickerFixture() }, rhythm: { backlog: backlogFixture() } } },
}).state

describe("RhythmView", () => {
  it("says no data yet where nothing has arrived, in the wall's language", () => {
    const { getByTestId } = render(RhythmView, { props: { live: emptyLiveState, channel: undefined, words: wordsFor("zh-CN"), locale: "zh-CN" } })
    expect(getByTestId("big-numbers").textContent).toContain("暂无数据")
    expect(getByTestId("ticker").textContent).toContain("暂无数据")
    expect(getByTestId("big-numbers").textContent).not.toMatch(/\b0\b/)
  })

  it("shows today's numbers beside the same hour last week, one per currency", () => {
    const { getByTestId } = render(RhythmView, { props: { live: withData, channel: undefined, words: wordsFor("en"), locale: "en" } })
    const numbers = getByTestId("big-numbers").textContent ?? ""
    expect(numbers).toContain("1,284")
    expect(numbers).toContain("same hour last week")
    expect(numbers).toContain("€48,211")
    expect(numbers).toContain("$9,120")
  })

  it("shows the reporting-currency total when one is set, and apart any currency that had no rate", () => {
    const totals = {
      ...totalsFixture(),
      reporting: { currency: "cny", revenue: 378000.25, missing: ["usd"], lastWeek: { revenue: 350000, missing: [] } },
    }
    const live = applySnapshot(emptyLiveState, { seqs: { wall: 1 }, at: "2025-06-02T12:30:00Z", timezone: "Asia/Shanghai", rooms: { wall: { totals: { today: totals } } } }).state
    const { getByTestId } = render(RhythmView, { props: { live, channel: undefined, words: wordsFor("en"), locale: "en" } })
    const numbers = getByTestId("big-numbers").textContent ?? ""
    expect(numbers).toContain("Revenue today (CNY)")
    expect(numbers).toContain("378,000")
    expect(numbers).not.toContain("€48,211")
    expect(numbers).toContain("Revenue today (USD, no rate, not in total)")
    expect(numbers).toContain("$9,120")
  })

  it("lists the newest orders first with their number, items and amount", () => {
    const { getByTestId } = render(RhythmView, { props: { live: withData, channel: undefined, words: wordsFor("en"), locale: "en" } })
    const items = Array.from(getByTestId("ticker").querySelectorAll("li"))
    expect(items[0]?.textContent).toContain("#5000")
    expect(items[0]?.textContent).toContain("20:30")
    expect(items[4]?.classList.contains("canceled")).toBe(true)
  })

  it("shows the backlog's ages as numbers", () => {
    const { container } = render(RhythmView, { props: { live: withData, channel: undefined, words: wordsFor("en"), locale: "en" } })
    const ages = Array.from(container.querySelectorAll(".ages dd")).map((dd) => dd.textContent)
    expect(ages).toEqual(["6.5 h", "30 h", "7.9 d"])
    expect(container.textContent).toContain("109 open orders")
  })
})

describe("RhythmView charts", () => {
  it("redraw when their key changes", async () => {
    // jsdom lays nothing out: give every chart a box so it draws.
    const rect = vi.spyOn(Element.prototype, "getBoundingClientRect").mockReturnValue({ width: 800, height: 300 } as DOMRect)
    try {
      const snapshot = (hours: number) =>
        applySnapshot(emptyLiveState, {
          seqs: { wall: 1 },
          at: "2025-06-02T12:30:00Z",
          timezone: "UTC",
          rooms: { wall: { rhythm: { today: { ...todayFixture(), hours: todayFixture().hours.slice(0, hours) } } } },
        }).state
      const words = wordsFor("en")
      const { container, rerender } = render(RhythmView, { props: { live: snapshot(24), channel: undefined, words, locale: "en" } })
      await tick()
      expect(container.querySelectorAll("rect.actual")).toHaveLength(15)
      await rerender({ live: snapshot(6), channel: undefined, words, locale: "en" })
      await tick()
      expect(container.querySelectorAll("rect.actual")).toHaveLength(6)
      expect(container.querySelectorAll("text.no-data").length).toBeGreaterThan(0)
    } finally {
      rect.mockRestore()
    }
  })

  it("a delta for one key redraws its chart and leaves every other chart untouched", async () => {
    const rect = vi.spyOn(Element.prototype, "getBoundingClientRect").mockReturnValue({ width: 800, height: 300 } as DOMRect)
    try {
      const live = applySnapshot(emptyLiveState, {
        seqs: { wall: 1 },
        at: "2025-06-02T12:30:00Z",
        timezone: "UTC",
        rooms: {
          wall: {
            totals: { today: totalsFixture() },
            ticker: { latest: tickerFixture() },
            rhythm: { today: todayFixture(), series: seriesFixture(), backlog: backlogFixture(), cycleTimes: cycleTimesFixture(), sla: slaFixture(), heatMap: heatMapFixture() },
          },
        },
      }).state
      const words = wordsFor("en")
      const { container, rerender } = render(RhythmView, { props: { live, channel: undefined, words, locale: "en" } })
      await tick()
      const charts = Array.from(container.querySelectorAll("svg"))
      expect(charts.every((svg) => svg.childElementCount > 0)).toBe(true)
      const touched = new Set<SVGSVGElement>()
      const note = (records: MutationRecord[]) => records.forEach((r) => touched.add((r.target as Element).closest("svg")!))
      const observer = new MutationObserver(note)
      for (const svg of charts) observer.observe(svg, { attributes: true, childList: true, characterData: true, subtree: true })

      const heat = heatMapFixture()
      const cells = heat.cells.map((row) => row.slice())
      cells[2]![9] = { ...cells[2]![9]!, average: cells[2]![9]!.average! + 1 }
      const next = applyDelta(live, { room: "wall", seq: 2, topic: "rhythm", key: "heatMap", data: { ...heat, cells } }).state
      await rerender({ live: next, channel: undefined, words, locale: "en" })
      await tick()
      note(observer.takeRecords())
      observer.disconnect()
      expect([...touched].map((svg) => svg.getAttribute("aria-label"))).toEqual([words.heatMap])
    } finally {
      rect.mockRestore()
    }
  })
})
