import { describe, expect, it } from "vitest"
import { Batcher } from "./batcher"

const container = {} as any

function recordingBatcher(fail?: (ids: string[]) => boolean) {
  const runs: string[][] = []
  let release: (() => void) | null = null
  const batcher = new Batcher(["ids"] as const, async (_container, { ids }) => {
    runs.push([...ids])
    // The first run waits until the test lets it go, so events pile up behind it.
    if (runs.length === 1) await new Promise<void>((resolve) => (release = resolve))
    if (fail?.(ids)) throw new Error(`could not ingest ${ids.join(",")}`)
  })
  return { batcher, runs, release: () => release?.() }
}

describe("the ingest batcher", () => {
  it("runs a lone event at once and folds the events that arrive meanwhile into one next run, each id once", async () => {
    const { batcher, runs, release } = recordingBatcher()
    const first = batcher.add(container, { ids: ["a"] })
    expect(runs).toEqual([["a"]])
    const later = [batcher.add(container, { ids: ["b"] }), batcher.add(container, { ids: ["c", "d"] }), batcher.add(container, { ids: ["b"] })]
    expect(runs).toHaveLength(1)
    release()
    await Promise.all([first, ...later])
    expect(runs).toEqual([["a"], ["b", "c", "d"]])
  })

  it("rejects the events of a failed run only, and goes on with the next", async () => {
    const { batcher, runs, release } = recordingBatcher((ids) => ids.includes("bad"))
    const first = batcher.add(container, { ids: ["a"] })
    const bad = batcher.add(container, { ids: ["bad"] })
    release()
    await first
    await expect(bad).rejects.toThrow("could not ingest bad")
    await batcher.add(container, { ids: ["c"] })
    expect(runs).toEqual([["a"], ["bad"], ["c"]])
  })

  it("with a gathering time, lets a lone event wait for those that come with it", async () => {
    const runs: string[][] = []
    const batcher = new Batcher(["ids"] as const, async (_container, { ids }) => void runs.push([...ids]), { gatherMs: 30 })
    const first = batcher.add(container, { ids: ["reservation-1"] })
    await new Promise((resolve) => setTimeout(resolve, 5))
    const second = batcher.add(container, { ids: ["reservation-2", "level-1"] })
    expect(runs).toEqual([])
    await Promise.all([first, second])
    expect(runs).toEqual([["reservation-1", "reservation-2", "level-1"]])
  })
})
