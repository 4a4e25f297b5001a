import { describe, expect, it } from "vitest"
import { pluginDefaults, resolveSettings } from "./settings"
import { validateSettings } from "./settings-validation"

const plugin = pluginDefaults({ serviceLevel: 0.95, leadTimeDays: 7, reviewPeriodDays: 7 })

describe("settings precedence", () => {
  it("takes each field from the most specific level that sets it", () => {
    const r = resolveSettings({
      item: { packSize: 6 },
      product: { leadTimeDays: 3, packSize: 12 },
      categories: [
        { id: "clothing", depth: 0, settings: { leadTimeDays: 20, reviewPeriodDays: 14, leadTimeSdDays: 1 } },
        { id: "shirts", depth: 1, settings: { reviewPeriodDays: 2 } },
      ],
      location: { reviewPeriodDays: 1, minimumOrderQuantity: 50 },
      plugin,
    })
    expect(r.settings.packSize).toBe(6)
    expect(r.source.packSize).toEqual({ level: "item" })
    expect(r.settings.leadTimeDays).toBe(3)
    expect(r.source.leadTimeDays).toEqual({ level: "product" })
    expect(r.settings.reviewPeriodDays).toBe(2)
    expect(r.source.reviewPeriodDays).toEqual({ level: "category", id: "shirts" })
    expect(r.settings.leadTimeSdDays).toBe(1)
    expect(r.source.leadTimeSdDays).toEqual({ level: "category", id: "clothing" })
    expect(r.settings.minimumOrderQuantity).toBe(50)
    expect(r.source.minimumOrderQuantity).toEqual({ level: "location" })
    expect(r.settings.target).toEqual({ kind: "cycle_service_level", level: 0.95 })
    expect(r.settings.rounding).toBe("nearest")
    expect(r.source.target).toEqual({ level: "plugin" })
  })

  it("lets a level set unit cost back to none", () => {
    const r = resolveSettings({ item: { unitCost: null }, product: { unitCost: 4 }, plugin })
    expect(r.settings.unitCost).toBeNull()
  })
})

describe("settings validation", () => {
  it("accepts good settings", () => {
    const r = validateSettings({ leadTimeDays: 4.5, leadTimeSdDays: 1, target: { kind: "fill_rate", level: 0.98 }, packSize: 12, unitCost: null })
    expect(r.ok).toBe(true)
  })

  it("refuses each wrong field by name", () => {
    const r = validateSettings({ leadTimeDays: -2, target: { kind: "cycle_service_level", level: 1 }, packSize: 2.5, colour: "red", minimumOrderQuantity: "ten", rounding: "up" })
    expect(r.ok).toBe(false)
    const problems = r.ok ? [] : r.problems
    expect(problems.map((p) => p.field).sort()).toEqual(["colour", "leadTimeDays", "minimumOrderQuantity", "packSize", "rounding", "target.level"])
    expect(problems.find((p) => p.field === "leadTimeDays")!.message).toBe("leadTimeDays = -2: must be zero or more days")
    expect(problems.find((p) => p.field === "target.level")!.message).toContain("between 0.5 and 1")
  })

  it("refuses a service level of one half or less, and unknown target kinds", () => {
    for (const level of [0.5, 0.3, 1.2, Number.NaN]) {
      const r = validateSettings({ target: { kind: "cycle_service_level", level } })
      expect(r.ok).toBe(false)
    }
    const r = validateSettings({ target: { kind: "best", level: 0.9 } })
    expect(r.ok ? [] : r.problems.map((p) => p.field)).toEqual(["target.kind"])
    expect(validateSettings([]).ok).toBe(false)
  })
})
