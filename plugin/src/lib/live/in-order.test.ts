import { describe, expect, it } from "vitest"
import { InOrderDelivery } from "./in-order"
import type { Delta } from "../../../live-client/src/protocol"

const delta = (seq: number, room = "wall") => ({ room, seq, topic: "t", key: "k", data: seq })
const run = (from: number, to = from, room = "wall") => Array.from({ length: to - from + 1 }, (_, i) => delta(from + i, room))
const seqs = (out: Delta[][]) => out.map((r) => r.map((d) => d.seq))

describe("InOrderDelivery", () => {
  it("holds a run that overtook its predecessor until the predecessor arrives", () => {
    const out: Delta[][] = []
    const order = new InOrderDelivery((r) => out.push(r))
    order.push(run(18))
    order.push(run(20, 22))
    order.push(run(23))
    expect(seqs(out)).toEqual([[18]])
    order.push(run(19))
    expect(seqs(out)).toEqual([[18], [19], [20, 21, 22], [23]])
    order.stop()
  })

  it("gives up on a seq that never comes, so the screens can resync, and waits again for a later hole", async () => {
    const out: Delta[][] = []
    const order = new InOrderDelivery((r) => out.push(r), 50)
    order.push(run(1))
    order.push(run(3, 4))
    order.push(run(7))
    await new Promise((resolve) => setTimeout(resolve, 80))
    expect(seqs(out)).toEqual([[1], [3, 4]])
    await new Promise((resolve) => setTimeout(resolve, 80))
    expect(seqs(out)).toEqual([[1], [3, 4], [7]])
    order.push(run(8))
    expect(seqs(out)).toEqual([[1], [3, 4], [7], [8]])
  })

  it("keeps rooms apart", () => {
    const out: string[] = []
    const order = new InOrderDelivery((r) => out.push(r.map((d) => `${d.room}:${d.seq}`).join(",")))
    order.push(run(5, 5, "a"))
    order.push(run(7, 8, "a"))
    order.push(run(1, 1, "b"))
    order.push(run(6, 6, "a"))
    expect(out).toEqual(["a:5", "b:1", "a:6", "a:7,a:8"])
    order.stop()
  })
})
