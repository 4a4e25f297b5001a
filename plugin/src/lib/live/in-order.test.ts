import { describe, expect, it } from "vitest"
import { InOrderDelivery } from "./in-order"

const delta = (seq: number, room = "wall") => ({ room, seq, topic: "t", key: "k", data: seq })

describe("InOrderDelivery", () => {
  it("holds a seq that overtook its predecessor until the predecessor arrives", () => {
    const out: number[] = []
    const order = new InOrderDelivery((d) => out.push(d.seq))
    order.push(delta(18))
    order.push(delta(20))
    order.push(delta(21))
    expect(out).toEqual([18])
    order.push(delta(19))
    expect(out).toEqual([18, 19, 20, 21])
    order.stop()
  })

  it("gives up on a seq that never comes, so the screens can resync", async () => {
    const out: number[] = []
    const order = new InOrderDelivery((d) => out.push(d.seq), 50)
    order.push(delta(1))
    order.push(delta(3))
    await new Promise((resolve) => setTimeout(resolve, 80))
    expect(out).toEqual([1, 3])
    order.push(delta(4))
    expect(out).toEqual([1, 3, 4])
  })

  it("keeps rooms apart", () => {
    const out: string[] = []
    const order = new InOrderDelivery((d) => out.push(`${d.room}:${d.seq}`))
    order.push(delta(5, "a"))
    order.push(delta(7, "a"))
    order.push(delta(1, "b"))
    order.push(delta(6, "a"))
    expect(out).toEqual(["a:5", "b:1", "a:6", "a:7"])
    order.stop()
  })
})
