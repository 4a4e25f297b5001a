import { describe, expect, it } from "vitest"
import { catalogueYearShape } from "./catalogue-year-shape"
import { shapeMultipliers } from "./models/shaped-shrunk-median"
import { forecasterFor } from "./zoo"
import type { FitContext } from "./types"

describe("catalogueYearShape: the catalogue's weeks after each origin over the items' levels then", () => {
  // levels (under a year, the plain median of what there is): A 2, B 1, C 5 at every origin
  const A = [2, 2, 2, 4, 2]
  const B = [1, 1, 1, 2, 1]
  const C = [5, 5, 5, 5, 50]

  it("row o holds the median over items of y(o + k) / level(o); one item's spike does not move it", () => {
    // row 3: week 3 is A 4/2, B 2/1, C 5/5 -> median 2; week 4 is A 1, B 1, C 50/5 = 10 -> median 1
    expect(catalogueYearShape([A, B, C], 2, 52)).toEqual({ period: 52, rows: [[], [1, 1], [1, 2], [2, 1]] })
  })

  it("a row reads nothing after its own horizon: changing the last week leaves the earlier rows alone", () => {
    const before = catalogueYearShape([A, B, C], 2, 52).rows
    const after = catalogueYearShape([A, B, [...C.slice(0, 4), 500]], 2, 52).rows
    expect(after.slice(0, 3)).toEqual(before.slice(0, 3))
  })
})

describe("shaped_shrunk_median: the shrunk median shaped by the catalogue's same weeks a year back", () => {
  it("the multipliers are the row over its median, at the half power; 1 beyond the row or without one", () => {
    // row 1 4 4: median 4, so 1/4 and 1, square roots 1/2 and 1
    expect(shapeMultipliers([1, 4, 4], 4)).toEqual([0.5, 1, 1, 1])
    expect(shapeMultipliers(undefined, 2)).toEqual([1, 1])
    expect(shapeMultipliers([1, 0, 4], 2)).toEqual([1, 1])
  })

  const flat = new Array(13).fill(10)
  // a "year" of 10 periods: a forecast at n = 13 reads row 3
  const ctx: FitContext = { season: 1, catalogueYearShape: { period: 10, rows: [[], [], [], [1, 4, 4]] } }
  const f = forecasterFor("shaped_shrunk_median")

  it("level 10 times the row a year back", () => {
    expect(f.predict(f.fit(flat, ctx), 3)).toEqual([5, 10, 10])
  })

  it("the update moves along the record (row 4 is missing: flat) and equals a fit on the longer series", () => {
    const s = f.update(f.fit(flat, ctx), 10)
    expect(f.predict(s, 3)).toEqual([10, 10, 10])
    expect(f.predict(s, 3)).toEqual(f.predict(f.fit([...flat, 10], ctx), 3))
    expect(f.predict(JSON.parse(JSON.stringify(s)), 3)).toEqual(f.predict(s, 3))
  })

  it("with no record it is the shrunk median", () => {
    const y = Array.from({ length: 60 }, (_, t) => 10 + (t % 7) + (t > 40 ? 5 : 0))
    const plain = forecasterFor("shrunk_median")
    expect(f.predict(f.fit(y, { season: 1 }), 3)).toEqual(plain.predict(plain.fit(y, { season: 1 }), 3))
  })
})
