import { describe, expect, it } from "vitest"
import type { HourBucket } from "../../../lib/rhythm"
import { BLOCK_MS, ClosedHourCache, STABLE_FOR_MS, splitAtCut } from "./closed-hours"

const HOUR = 3_600_000
const NOW = Date.UTC(2026, 10, 28, 12, 30)
const TODAY = Date.UTC(2026, 10, 28)

function bucket(ms: number, orders: number, channelId = "web"): HourBucket {
  return { hourStartUtc: new Date(ms).toISOString(), channelId, orders, units: orders, revenue: {}, fulfilments: 0, cancellations: 0, returns: 0 }
}

/** A store of hour buckets and a generation token, counting the reads that reach it. */
function store() {
  const state = { token: "a", buckets: [] as HourBucket[], reads: [] as Array<[number, number]>, fail: false, now: NOW }
  const source = {
    generation: async () => state.token,
    hours: async (fromMs: number, toMs: number) => {
      state.reads.push([fromMs, toMs])
      if (state.fail) throw new Error("down")
      return state.buckets.filter((b) => Date.parse(b.hourStartUtc) >= fromMs && Date.parse(b.hourStartUtc) < toMs)
    },
  }
  return { state, cache: new ClosedHourCache(source, () => state.now) }
}

describe("ClosedHourCache", () => {
  it("reads a closed day once, and never the hours from its cut on", async () => {
    const { state, cache } = store()
    state.buckets = [bucket(TODAY - 30 * HOUR, 2), bucket(TODAY - 20 * HOUR, 3), bucket(TODAY + HOUR, 9)]
    const view = await cache.view()
    // At 12:30 the day that ended at midnight is over by more than two hours; today is not.
    expect(view.cutMs).toBe(TODAY)
    const window = [{ fromMs: TODAY - 2 * BLOCK_MS, toMs: NOW }]
    expect((await view.hours(window)).map((item) => item.bucket.orders)).toEqual([2, 3])
    expect((await (await cache.view()).hours(window)).map((item) => item.bucket.orders)).toEqual([2, 3])
    expect(state.reads).toEqual([[TODAY - 2 * BLOCK_MS, TODAY]])
  })

  it("keeps only the buckets inside the asked windows", async () => {
    const { state, cache } = store()
    state.buckets = [bucket(TODAY - 30 * HOUR, 2), bucket(TODAY - 20 * HOUR, 3)]
    const view = await cache.view()
    expect((await view.hours([{ fromMs: TODAY - 21 * HOUR, toMs: TODAY - 19 * HOUR }])).map((item) => item.bucket.orders)).toEqual([3])
  })

  it("drops its copy when the store's generation changes", async () => {
    const { state, cache } = store()
    state.buckets = [bucket(TODAY - 20 * HOUR, 3)]
    const window = [{ fromMs: TODAY - BLOCK_MS, toMs: TODAY }]
    await (await cache.view()).hours(window)
    state.buckets = [bucket(TODAY - 20 * HOUR, 4)]
    // Same token: the copy stands, stale or not (a write that changes a past hour changes the token).
    expect((await (await cache.view()).hours(window))[0].bucket.orders).toBe(3)
    state.token = "b"
    await cache.view()
    state.now += STABLE_FOR_MS
    expect((await (await cache.view()).hours(window))[0].bucket.orders).toBe(4)
  })

  it("fills the days from a miss up to the cut in one read, and only what it lacks", async () => {
    const { state, cache } = store()
    const view = await cache.view()
    await view.hours([{ fromMs: TODAY - 3 * BLOCK_MS, toMs: TODAY - 2 * BLOCK_MS }])
    await view.hours([{ fromMs: TODAY - BLOCK_MS, toMs: TODAY }])
    await view.hours([{ fromMs: TODAY - 5 * BLOCK_MS, toMs: TODAY - 4 * BLOCK_MS }])
    expect(state.reads).toEqual([
      [TODAY - 3 * BLOCK_MS, TODAY],
      [TODAY - 5 * BLOCK_MS, TODAY - 3 * BLOCK_MS],
    ])
  })

  it("reads from the store while past hours keep changing, and copies them once they stand", async () => {
    const clock = { now: NOW }
    const state = { token: "a", reads: 0 }
    const cache = new ClosedHourCache(
      {
        generation: async () => state.token,
        hours: async () => {
          state.reads += 1
          return []
        },
      },
      () => clock.now
    )
    expect((await cache.view()).cutMs).toBe(TODAY)
    state.token = "b"
    const during = await cache.view()
    expect(during.cutMs).toBe(-Infinity)
    expect(await during.hours([{ fromMs: TODAY - BLOCK_MS, toMs: TODAY }])).toEqual([])
    expect(state.reads).toBe(0)
    clock.now += STABLE_FOR_MS
    expect((await cache.view()).cutMs).toBe(TODAY)
  })

  it("starts again when a read would hold more than about three years of days", async () => {
    const { state, cache } = store()
    state.buckets = [bucket(TODAY - 950 * BLOCK_MS, 5)]
    const view = await cache.view()
    await view.hours([{ fromMs: TODAY - 1000 * BLOCK_MS, toMs: TODAY }])
    // Reaches 200 days further back, and into days the copy holds: all of it read again, none lost.
    const items = await view.hours([{ fromMs: TODAY - 1200 * BLOCK_MS, toMs: TODAY - 900 * BLOCK_MS }])
    expect(items.map((item) => item.bucket.orders)).toEqual([5])
    expect(state.reads.at(-1)).toEqual([TODAY - 1200 * BLOCK_MS, TODAY - 800 * BLOCK_MS])
  })

  it("finishes a read whose days another read dropped while it waited (a new generation)", async () => {
    const clock = { now: NOW }
    const state = { token: "a" }
    let release: () => void = () => {}
    const cache = new ClosedHourCache(
      {
        generation: async () => state.token,
        // The store answers only when the test says so: the second read runs in between.
        hours: (fromMs, toMs) =>
          new Promise<HourBucket[]>((resolve) => {
            release = () => resolve([bucket(fromMs + 3 * HOUR, 2), bucket(toMs - 3 * HOUR, 7)].filter((b) => Date.parse(b.hourStartUtc) < toMs))
          }),
      },
      () => clock.now
    )
    const first = await cache.view()
    const reading = first.hours([{ fromMs: TODAY - 2 * BLOCK_MS, toMs: TODAY }])
    // History was recounted: the next read sees a new generation and empties the shared copy.
    state.token = "b"
    expect((await cache.view()).cutMs).toBe(-Infinity)
    release()
    expect((await reading).map((item) => item.bucket.orders)).toEqual([2, 7])
  })

  it("finishes a read whose days another read dropped while it waited (the copy overflowed)", async () => {
    const { state, cache } = store()
    state.buckets = [bucket(TODAY - 30 * HOUR, 2), bucket(TODAY - 1001 * BLOCK_MS, 4)]
    let release: () => void = () => {}
    const gate = new Promise<void>((resolve) => (release = resolve))
    const view = await cache.view()
    // The copy holds 800 days of two earlier reads.
    await view.hours([{ fromMs: TODAY - 1000 * BLOCK_MS, toMs: TODAY - 999 * BLOCK_MS }])
    await view.hours([{ fromMs: TODAY - 600 * BLOCK_MS, toMs: TODAY - 599 * BLOCK_MS }])
    const source = (cache as any).source
    const plain = source.hours
    source.hours = async (fromMs: number, toMs: number) => {
      await gate
      return plain(fromMs, toMs)
    }
    const reading = view.hours([{ fromMs: TODAY - 2 * BLOCK_MS, toMs: TODAY }])
    source.hours = plain
    // Another 400 days do not fit beside the copy: that read empties the map and starts again.
    const reads = state.reads.length
    await view.hours([{ fromMs: TODAY - 1400 * BLOCK_MS, toMs: TODAY - 1399 * BLOCK_MS }])
    expect(state.reads.slice(reads)).toEqual([[TODAY - 1400 * BLOCK_MS, TODAY - 1000 * BLOCK_MS]])
    expect((cache as any).blocks.size).toBe(400)
    release()
    expect((await reading).map((item) => item.bucket.orders)).toEqual([2])
  })

  it("does not keep a failed read", async () => {
    const { state, cache } = store()
    state.buckets = [bucket(TODAY - 20 * HOUR, 3)]
    const window = [{ fromMs: TODAY - BLOCK_MS, toMs: TODAY }]
    state.fail = true
    await expect((await cache.view()).hours(window)).rejects.toThrow("down")
    state.fail = false
    expect((await (await cache.view()).hours(window))[0].bucket.orders).toBe(3)
  })
})

describe("splitAtCut", () => {
  it("cuts windows into the part before the cut and the part from it on", () => {
    const iso = (ms: number) => new Date(ms).toISOString()
    expect(
      splitAtCut(
        [
          { fromUtc: iso(TODAY - 5 * HOUR), toUtc: iso(TODAY + 2 * HOUR) },
          { fromUtc: iso(TODAY - 30 * HOUR), toUtc: iso(TODAY - 26 * HOUR) },
          { fromUtc: iso(TODAY + HOUR), toUtc: iso(TODAY + 3 * HOUR) },
        ],
        TODAY
      )
    ).toEqual({
      closed: [
        { fromMs: TODAY - 5 * HOUR, toMs: TODAY },
        { fromMs: TODAY - 30 * HOUR, toMs: TODAY - 26 * HOUR },
      ],
      open: [
        { fromUtc: iso(TODAY), toUtc: iso(TODAY + 2 * HOUR) },
        { fromUtc: iso(TODAY + HOUR), toUtc: iso(TODAY + 3 * HOUR) },
      ],
    })
  })
})
