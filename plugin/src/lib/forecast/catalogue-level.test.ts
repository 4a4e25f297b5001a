import { describe, expect, it } from "vitest"
import { catalogueLevelPath } from "./catalogue-level"
import { forecasterFor } from "./zoo"

describe("the catalogue's level relative to its history", () => {
  it("is 1 while nothing changes, and until a whole window has closed", () => {
    const path = catalogueLevelPath([[2, 2, 2, 2, 2, 2], [1, 1, 1, 1, 1, 1]], 1, 3)
    expect(path).toEqual([1, 1, 1, 1, 1, 1])
  })

  it("follows a step in the store's total, known only from the day it happens (by hand, window 2)", () => {
    // totals 4, 4, 4, 8, 8: at t = 3 the last two days average 6 against 20/4 = 5 since the start
    const path = catalogueLevelPath([[1, 1, 1, 5, 5], [3, 3, 3, 3, 3]], 1, 2)
    expect(path.slice(0, 3)).toEqual([1, 1, 1])
    expect(path[3]).toBeCloseTo(6 / 5, 12)
    expect(path[4]).toBeCloseTo(8 / (28 / 5), 12)
  })

  it("takes the week's shape out first, so a busy weekend is no change of level", () => {
    const week = [1, 1, 1, 1, 1, 3, 3]
    const y = Array.from({ length: 70 }, (_, t) => week[t % 7])
    const path = catalogueLevelPath([y], 7, 28)
    for (const v of path.slice(27)) expect(v).toBeCloseTo(1, 9)
  })
})

describe("catalogue_share: the item's history mean at the catalogue's current level", () => {
  const f = forecasterFor("catalogue_share")

  it("scales the item's mean by the level known at its last period, and holds it through updates", () => {
    const y = [2, 4, 6, 0, 4, 2] // mean 3
    const level = [1, 1, 1, 1, 1, 1.5, 9]
    const s = f.fit(y, { season: 1, catalogueLevel: level })
    expect(f.predict(s, 2)).toEqual([4.5, 4.5])
    // a new day moves the item's mean (18 + 10) / 7 = 4, not the level: that waits for a refit
    expect(f.predict(f.update(s, 10), 1)[0]).toBeCloseTo(4 * 1.5, 12)
  })

  it("is the plain history mean without a catalogue level", () => {
    expect(f.predict(f.fit([1, 2, 3, 6], { season: 1 }), 1)).toEqual([3])
  })

  it("puts the store's week back on top", () => {
    const shape = [0.5, 0.5, 0.5, 0.5, 1, 2, 2]
    const y = Array.from({ length: 28 }, (_, t) => 10 * shape[t % 7])
    const s = f.fit(y, { season: 7, sharedProfile: shape, catalogueLevel: new Array(28).fill(2) })
    expect(f.predict(s, 7).map((v) => Math.round(v * 1e9) / 1e9)).toEqual(shape.map((v) => 20 * v))
  })
})
