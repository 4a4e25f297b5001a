/**
 * Croston and SBA must equal R's forecast::croston (alpha 0.1) on the 1,060 carparts series of
 * the reference file, trained on their first 39 months. The data lives outside the repository
 * (../shared/data, or ORDER_RHYTHM_DATA); without it this test says so and skips, except on CI
 * (CI=true), where a missing data set fails the run.
 */
import { existsSync, readFileSync } from "node:fs"
import path from "node:path"
import { gunzipSync } from "node:zlib"
import { describe, expect, it } from "vitest"
import { splitCsvLine } from "./series-csv"
import { forecasterFor } from "./zoo"

const dataDir = process.env.ORDER_RHYTHM_DATA ?? path.resolve(__dirname, "..", "..", "..", "..", "..", "shared", "data")
const refFile = path.join(dataDir, "carparts_croston_reference_R.csv.gz")
const seriesFile = path.join(dataDir, "carparts.csv.gz")
const present = existsSync(refFile) && existsSync(seriesFile)
if (!present && process.env.CI === "true") throw new Error(`the R Croston reference data is missing (${refFile}, ${seriesFile}), and on CI this test must run`)
if (!present) console.warn(`SKIPPING the R Croston reference test: ${refFile} or ${seriesFile} not found`)

function rows(file: string): string[][] {
  const lines = gunzipSync(readFileSync(file)).toString("utf8").split("\n").filter((l) => l.trim())
  return lines.slice(1).map((l, i) => splitCsvLine(l, i + 2))
}

describe.skipIf(!present)("Croston and SBA against R's forecast::croston", () => {
  it("agree to 1e-9 on every reference series", () => {
    const byName = new Map<string, { t: number; v: number }[]>()
    for (const [, name, t, , value] of rows(seriesFile)) {
      if (!byName.has(name)) byName.set(name, [])
      byName.get(name)!.push({ t: Number(t), v: Number(value) })
    }
    const reference = rows(refFile)
    expect(reference.length).toBe(1060)
    let worst = 0
    for (const [name, croston, sba] of reference) {
      const y = byName.get(name)!.sort((a, b) => a.t - b.t).slice(0, 39).map((r) => r.v)
      expect(y.length).toBe(39)
      for (const [model, expected] of [["croston", croston], ["sba", sba]] as const) {
        const f = forecasterFor(model)
        const got = f.predict(f.fit(y, { season: 1 }), 1)[0]
        worst = Math.max(worst, Math.abs(got - Number(expected)))
      }
    }
    expect(worst).toBeLessThan(1e-9)
  })
})
