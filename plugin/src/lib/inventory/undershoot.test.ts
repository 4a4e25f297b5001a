import { describe, expect, it } from "vitest"
import { latticeMean, type Lattice } from "./lattice"
import { undershoot } from "./undershoot"

const review = (pmf: number[]): Lattice => ({ step: 1, lo: 0, pmf: Float64Array.from(pmf) })

describe("undershoot", () => {
  it("is the review demand beyond Q when every review orders", () => {
    // a week sells 2 or 3 units; with Q = 1 every review finds the position below s by X - 1
    const u = undershoot(review([0, 0, 0.5, 0.5]), 1)
    expect(Array.from(u.pmf).slice(0, 3)).toEqual([0, 0.5, 0.5])
  })

  it("follows P(X > u) / E[X] when Q is large", () => {
    // X is 0 or 2, each half the time: E[X] = 1, P(X > 0) = P(X > 1) = 0.5 -> U is 0 or 1, evenly
    const u = undershoot(review([0.5, 0, 0.5]), 500)
    expect(u.pmf[0]).toBeCloseTo(0.5, 12)
    expect(u.pmf[1]).toBeCloseTo(0.5, 12)
    expect(latticeMean(u)).toBeCloseTo(0.5, 12)
  })

  it("matches the renewal count by hand for a small Q", () => {
    // X in {1, 2} evenly, Q = 2: from S, the first review takes 1 or 2. Taking 2 (1/2) ends at U = 0;
    // taking 1 then 1 (1/4) ends at U = 0; taking 1 then 2 (1/4) ends at U = 1
    const u = undershoot(review([0, 0.5, 0.5]), 2)
    expect(u.pmf[0]).toBeCloseTo(0.75, 12)
    expect(u.pmf[1]).toBeCloseTo(0.25, 12)
  })

  it("is nothing when nothing sells", () => {
    expect(latticeMean(undershoot(review([1]), 3))).toBe(0)
  })
})
