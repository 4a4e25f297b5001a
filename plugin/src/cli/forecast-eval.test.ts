import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import { gzipSync } from "node:zlib"
import { describe, expect, it } from "vitest"
import { main } from "./forecast-eval"

const dir = mkdtempSync(path.join(tmpdir(), "forecast-eval-"))
function file(name: string, text: string, gzip = false) {
  const p = path.join(dir, name)
  writeFileSync(p, gzip ? gzipSync(text) : text)
  return p
}
function run(args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = main(args, (l) => out.push(l), (l) => err.push(l))
  return { code, out, err }
}

const week = [3, 5, 4, 6, 9, 12, 2]
const longCsv = ["series,t,value,colour"]
for (const id of ["a", "b", "c"]) for (let t = 1; t <= 84; t++) longCsv.push(`${id},${t},${week[t % 7] * (id === "c" ? 3 : 1) + (t % 3)},red`)

describe("forecast-eval CLI", () => {
  it("evaluates a gzipped long file and ends with one JSON line", () => {
    const r = run(["--data", file("long.csv.gz", longCsv.join("\n"), true), "--horizon", "14", "--season", "7"])
    expect(r.code).toBe(0)
    const last = JSON.parse(r.out[r.out.length - 1])
    expect(Object.keys(last).sort()).toEqual(["coverage95", "mase", "msis", "naive_mase", "naive_msis", "rmsse", "series", "smape", "snaive_mase"])
    expect(last.series).toBe(3)
    // a clean weekly pattern: far better than naive, at least as good as seasonal naive
    expect(last.mase).toBeLessThan(last.naive_mase)
    expect(last.mase).toBeLessThanOrEqual(last.snaive_mase + 0.05)
    expect(r.out.some((l) => l.startsWith("overall"))).toBe(true)
  })

  it("reads the wide format and the test split", () => {
    const rows = ["t,a,b"]
    for (let t = 1; t <= 40; t++) rows.push(`${t},${10 + (t % 2)},${20 + (t % 3)}`)
    const wide = run(["--data", file("wide.csv", rows.join("\n")), "--horizon", "5", "--format", "wide"])
    expect(wide.code).toBe(0)
    expect(JSON.parse(wide.out.at(-1)!).series).toBe(2)
    const split = ["series,t,value,split", ...Array.from({ length: 30 }, (_, i) => `x,${i},${i % 4},${i < 24 ? "train" : "test"}`)]
    const s = run(["--data", file("split.csv", split.join("\n"))])
    expect(s.code).toBe(0)
    expect(JSON.parse(s.out.at(-1)!).series).toBe(1)
  })

  it("runs the plugin's configuration: the file's series forecast together, stock-outs censored", async () => {
    const { forecastMany, shippedConfig } = await import("../lib/forecast")
    // c sells nothing on its out-of-stock days: censored, they do not pull its forecast down
    const rows = ["series,t,value,in_stock"]
    const data: Record<string, number[]> = {}
    const stock: Record<string, (boolean | null)[]> = {}
    for (const id of ["a", "b", "c"]) {
      data[id] = []
      stock[id] = []
      for (let t = 1; t <= 84; t++) {
        const out = id === "c" && t % 5 === 0
        const v = out ? 0 : week[t % 7] * (id === "c" ? 3 : 1) + (t % 3)
        data[id].push(v)
        stock[id].push(out ? false : null)
        rows.push(`${id},${t},${v},${out ? "false" : ""}`)
      }
    }
    const r = run(["--data", file("stock.csv", rows.join("\n")), "--horizon", "14", "--season", "7", "--year", "365"])
    expect(r.code).toBe(0)
    const expected = forecastMany(
      ["a", "b", "c"].map((id) => ({
        values: data[id].slice(0, 70),
        config: { ...shippedConfig({ horizon: 14, season: 7, periodsPerYear: 365, length: 70 }), inStock: stock[id].slice(0, 70), nonNegative: true },
      }))
    )
    const test = (id: string) => data[id].slice(70)
    const smapeOf = (a: number[], f: number[]) => a.reduce((s, v, i) => s + (Math.abs(v) + Math.abs(f[i]) === 0 ? 0 : (200 * Math.abs(v - f[i])) / (Math.abs(v) + Math.abs(f[i]))), 0) / a.length
    const mean = ["a", "b", "c"].reduce((s, id, i) => s + smapeOf(test(id), expected[i].mean), 0) / 3
    expect(JSON.parse(r.out.at(-1)!).smape).toBeCloseTo(mean, 9)
    expect(run(["--data", file("badstock.csv", "series,t,value,in_stock\na,1,1,maybe\n"), "--horizon", "1"]).err.join("\n")).toMatch(/line 2: in_stock "maybe"/)
  })

  it("names the line of a malformed row", () => {
    const bad = [...longCsv.slice(0, 50), "a,49,oops,red", ...longCsv.slice(50)]
    const r = run(["--data", file("bad.csv", bad.join("\n")), "--horizon", "7"])
    expect(r.code).toBe(2)
    expect(r.err.join("\n")).toMatch(/line 51: value "oops" is not a number/)
    const short = run(["--data", file("short.csv", "series,t,value\na,1,1\na,2\n"), "--horizon", "1"])
    expect(short.err.join("\n")).toMatch(/line 3: expected 3 fields, found 2/)
    expect(run(["--data", file("nohead.csv", "id,t,v\na,1,1\n"), "--horizon", "1"]).err.join("\n")).toMatch(/line 1: the header lacks the column\(s\) series, value/)
  })

  it("explains bad arguments", () => {
    expect(run([]).err.join("\n")).toMatch(/--data is required/)
    expect(run(["--data", "x", "--horizon", "0"]).err.join("\n")).toMatch(/--horizon must be a whole number/)
    expect(run(["--data", path.join(dir, "missing.csv"), "--horizon", "3"]).err.join("\n")).toMatch(/cannot read/)
    expect(run(["--data", file("nosplit.csv", "series,t,value\na,1,1\n")]).err.join("\n")).toMatch(/give --horizon/)
  })
})
