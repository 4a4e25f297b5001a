// @vitest-environment node
import { describe, expect, it } from "vitest"
import { frameCoalescer, nextFrame } from "./frame-coalescer"

/** Frames the test draws by hand. */
function frames() {
  const queue: Array<() => void> = []
  return {
    schedule: (run: () => void) => void queue.push(run),
    draw() {
      const due = queue.splice(0)
      due.forEach((run) => run())
    },
    get waiting() {
      return queue.length
    },
  }
}

describe("frameCoalescer", () => {
  it("runs once per frame however many changes came before it", () => {
    const f = frames()
    let runs = 0
    const c = frameCoalescer(() => runs++, f.schedule)
    c.request()
    c.request()
    c.request()
    expect(runs).toBe(0)
    expect(f.waiting).toBe(1)
    f.draw()
    expect(runs).toBe(1)
    f.draw()
    expect(runs).toBe(1)
    c.request()
    f.draw()
    expect(runs).toBe(2)
  })

  it("flush runs at once what is owed, and the frame asked for then does nothing", () => {
    const f = frames()
    let runs = 0
    const c = frameCoalescer(() => runs++, f.schedule)
    c.flush()
    expect(runs).toBe(0)
    c.request()
    c.flush()
    expect(runs).toBe(1)
    f.draw()
    expect(runs).toBe(1)
  })

  it("a request after a flush gets its own frame, not the old one's", () => {
    const f = frames()
    let runs = 0
    const c = frameCoalescer(() => runs++, f.schedule)
    c.request()
    c.flush()
    c.request()
    expect(f.waiting).toBe(2)
    f.draw()
    expect(runs).toBe(2)
  })

  it("cancel owes nothing", () => {
    const f = frames()
    let runs = 0
    const c = frameCoalescer(() => runs++, f.schedule)
    c.request()
    c.cancel()
    f.draw()
    c.flush()
    expect(runs).toBe(0)
  })

  it("a run that asks again is served by the next frame", () => {
    const f = frames()
    let runs = 0
    const c = frameCoalescer(() => {
      runs++
      if (runs === 1) c.request()
    }, f.schedule)
    c.request()
    f.draw()
    expect(runs).toBe(1)
    f.draw()
    expect(runs).toBe(2)
  })

  it("without requestAnimationFrame (a test, a server) runs at once", () => {
    let runs = 0
    const c = frameCoalescer(() => runs++, nextFrame)
    c.request()
    expect(runs).toBe(1)
  })
})
