import { describe, expect, it } from "vitest"
import { splitRows, type Delta, type RoomState } from "../../../lib/live"
import { LiveHub } from "./live-hub"
import { MemoryRoomStore, type Entry } from "./room-store"

const logger = { error: () => {}, warn: () => {}, info: () => {}, debug: () => {} } as any
const tick = () => new Promise((resolve) => setTimeout(resolve, 1))

/** A room store whose appends take a moment, as Redis's do: publications could interleave there. */
class SlowStore extends MemoryRoomStore {
  async append(room: string, entries: Entry[]) {
    await tick()
    return super.append(room, entries)
  }
}

function hubWith(figures: () => Array<() => Promise<RoomState>>) {
  const hub = new LiveHub(new SlowStore(), figures, logger)
  const messages: Delta[][] = []
  hub.useBroadcast((deltas) => messages.push(deltas))
  return { hub, messages }
}

describe("the live hub's publications", () => {
  it("sends a recount's changed keys as one message, and nothing for keys that did not change", async () => {
    let orders = 1
    const { hub, messages } = hubWith(() => [
      async () => ({ ticker: { latest: ["a"] }, totals: { today: { orders } } }),
      async () => ({ rhythm: { "series#0": { orders }, series: { rowCount: 1 } } }),
    ])
    await hub.recount("wall")
    orders = 2
    await hub.recount("wall")
    expect(messages.map((message) => message.map((d) => `${d.topic}.${d.key}`))).toEqual([
      ["ticker.latest", "totals.today", "rhythm.series#0", "rhythm.series"],
      ["totals.today", "rhythm.series#0"],
    ])
  })

  it("compares each part with what the parts before it set, and leaves the room's values alone until they are appended", async () => {
    const store = new SlowStore()
    let parts = [async () => ({ totals: { today: 0 } })]
    const hub = new LiveHub(store, () => parts, logger)
    const messages: Delta[][] = []
    hub.useBroadcast((deltas) => messages.push(deltas))
    await hub.recount("wall")
    const values = await store.view("wall")
    parts = [async () => ({ totals: { today: 1, week: 7 } }), async () => ({ totals: { today: 1, month: 30 } })]
    const recounting = hub.recount("wall")
    await tick()
    // The append is still under way: nothing of this publication is in the room yet.
    expect(values).toEqual({ totals: { today: 0 } })
    await recounting
    expect(messages.map((message) => message.map((d) => `${d.topic}.${d.key}=${d.data}`))).toEqual([
      ["totals.today=0"],
      ["totals.today=1", "totals.week=7", "totals.month=30"],
    ])
    expect(await store.state("wall")).toEqual({ totals: { today: 1, week: 7, month: 30 } })
  })

  it("never lets an early ticker overtake a recount: every message continues the seqs of the one before", async () => {
    let orders = 0
    const { hub, messages } = hubWith(() => [
      async () => ({ totals: { today: { orders } } }),
      async () => ({ rhythm: { a: orders, b: orders, c: orders } }),
    ])
    await hub.recount("wall")
    const work: Promise<unknown>[] = []
    for (let i = 1; i <= 5; i++) {
      orders = i
      work.push(hub.recount("wall"))
      work.push(hub.publishEarly(["wall"], () => ({ ticker: { latest: [`order_${i}`] } })))
    }
    await Promise.all(work)
    const seqs = messages.flat().map((d) => d.seq)
    expect(seqs).toEqual(seqs.map((_, i) => seqs[0] + i))
    expect(messages.every((message) => message.length > 0)).toBe(true)
  })

  it("still publishes the parts counted before one that fails", async () => {
    const { hub, messages } = hubWith(() => [
      async () => ({ totals: { today: { orders: 1 } } }),
      async () => {
        throw new Error("the rhythm read failed")
      },
    ])
    await expect(hub.recount("wall")).rejects.toThrow("the rhythm read failed")
    expect(messages.flat().map((d) => d.key)).toEqual(["today"])
  })

  it("removes a ticker entry that fell off the list: sent as null after the list, gone from the room", async () => {
    let ids = ["o2", "o1"]
    const store = new MemoryRoomStore()
    const hub = new LiveHub(store, () => [async () => ({ ticker: splitRows({ latest: ids.map((orderId) => ({ orderId })) }) })], logger)
    const messages: Delta[][] = []
    hub.useBroadcast((deltas) => messages.push(deltas))
    await hub.recount("wall")
    ids = ["o3", "o2"]
    await hub.recount("wall")
    expect(messages[1].map((d) => [d.key, d.data])).toEqual([
      ["latest#o3", { orderId: "o3" }],
      ["latest", { ids: ["o3", "o2"] }],
      ["latest#o1", null],
    ])
    expect(Object.keys((await store.state("wall")).ticker).sort()).toEqual(["latest", "latest#o2", "latest#o3"])
    // Nothing changed, nothing sent: the removal is not repeated.
    await hub.recount("wall")
    expect(messages.filter((message) => message.length)).toHaveLength(2)
  })
})
