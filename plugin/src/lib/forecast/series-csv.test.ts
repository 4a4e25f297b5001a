import { describe, expect, it } from "vitest"
import { parseSeriesCsv, SeriesCsvError } from "./series-csv"

const lineOf = (f: () => unknown) => {
  try {
    f()
  } catch (e) {
    expect(e).toBeInstanceOf(SeriesCsvError)
    return (e as SeriesCsvError).line
  }
  throw new Error("no error")
}

describe("reading series from CSV", () => {
  it("long format: columns by name, others ignored, rows in any order, quoted fields", () => {
    const s = parseSeriesCsv('"series","note","t","value"\n"a","x, y",2,5\na,z,1,4\nb,,1,7\n')
    expect(s).toEqual([{ id: "a", values: [4, 5] }, { id: "b", values: [7] }])
  })
  it("long format with a split column", () => {
    const s = parseSeriesCsv("series,t,value,split\na,1,1,train\na,2,2,test\n")
    expect(s[0].split).toEqual(["train", "test"])
  })
  it("wide format: one column per series, ragged ends allowed", () => {
    const s = parseSeriesCsv("date,a,b\n2024-01-01,1,\n2024-01-02,2,5\n2024-01-03,3,6\n", "wide")
    expect(s).toEqual([{ id: "a", values: [1, 2, 3] }, { id: "b", values: [5, 6] }])
  })
  it("errors name the line", () => {
    expect(lineOf(() => parseSeriesCsv("series,t,value\na,1,1\na,2,x\n"))).toBe(3)
    expect(lineOf(() => parseSeriesCsv("series,t,value\na,1,1\n\na,2\n"))).toBe(4)
    expect(lineOf(() => parseSeriesCsv("series,t\na,1\n"))).toBe(1)
    expect(lineOf(() => parseSeriesCsv("series,t,value\na,1,1\na,1,2\n"))).toBe(3)
    expect(lineOf(() => parseSeriesCsv('series,t,value\n"a,1,1\n'))).toBe(2)
    expect(lineOf(() => parseSeriesCsv("series,t,value,split\na,1,1,validate\n"))).toBe(2)
    expect(lineOf(() => parseSeriesCsv("t,a\n1,1\n2,\n3,3\n", "wide"))).toBe(4)
    expect(() => parseSeriesCsv("series,t,value\na,1,1\na,2,x\n")).toThrow(/line 3: value "x" is not a number/)
  })
})
