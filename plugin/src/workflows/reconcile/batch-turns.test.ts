import { describe, expect, it } from "vitest"
import { batchTurns } from "./batch-turns"

describe("the turns of a reconciliation run's batches", () => {
  it("lets a batch save only after every batch before it has", async () => {
    const saved: number[] = []
    const save = async (batch: number) => {
      await batchTurns.waitForEarlier("run-a", batch)
      saved.push(batch)
      batchTurns.done("run-a", batch)
    }
    // The second batch is in first: it waits for the first.
    const second = save(1)
    await new Promise((resolve) => setTimeout(resolve, 5))
    expect(saved).toEqual([])
    await save(0)
    await second
    expect(saved).toEqual([0, 1])
    batchTurns.end("run-a")
  })

  it("fails a waiting batch when the run ends before its turn (an earlier batch failed)", async () => {
    const waiting = batchTurns.waitForEarlier("run-b", 3)
    batchTurns.end("run-b", new Error("batch 2 failed"))
    await expect(waiting).rejects.toThrow("batch 2 failed")
  })

  it("keeps runs apart", async () => {
    batchTurns.done("run-c", 0)
    await expect(Promise.race([batchTurns.waitForEarlier("run-d", 1).then(() => "went"), new Promise((r) => setTimeout(() => r("waited"), 10))])).resolves.toBe("waited")
    batchTurns.end("run-c")
    batchTurns.end("run-d")
  })
})
