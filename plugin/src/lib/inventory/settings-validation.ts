/**
 * Checks settings a person typed in (one level's worth, every field optional) and names each
 * field that is wrong, so a REST route can answer 400 with the field and the value.
 */
import type { InventorySettings } from "./settings"

export type SettingsProblem = { field: string; message: string }
export type SettingsCheck = { ok: true; settings: InventorySettings } | { ok: false; problems: SettingsProblem[] }

type Rule = (v: unknown) => string | null

const finite = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v)
const atLeast = (min: number, what: string): Rule => (v) => (!finite(v) ? "must be a number" : v < min ? `must be ${what}` : null)
const wholeAtLeast = (min: number): Rule => (v) => (!finite(v) || !Number.isInteger(v) ? "must be a whole number" : v < min ? `must be at least ${min}` : null)

const RULES: Record<Exclude<keyof InventorySettings, "target">, Rule> = {
  rounding: (v) => (v === "nearest" || v === "at_least" ? null : 'must be "nearest" or "at_least"'),
  leadTimeDays: atLeast(0, "zero or more days"),
  leadTimeSdDays: atLeast(0, "zero or more days"),
  reviewPeriodDays: atLeast(0, "zero or more days"),
  minimumOrderQuantity: atLeast(0, "zero or more units"),
  packSize: wholeAtLeast(1),
  unitCost: (v) => (v === null ? null : atLeast(0, "zero or more")(v)),
  overstockMarginDays: atLeast(0, "zero or more days"),
}

const TARGET_KINDS = ["cycle_service_level", "fill_rate"]

export function validateSettings(input: unknown): SettingsCheck {
  if (input === null || typeof input !== "object" || Array.isArray(input)) return { ok: false, problems: [{ field: "(settings)", message: "must be an object" }] }
  const problems: SettingsProblem[] = []
  const say = (field: string, value: unknown, message: string) => problems.push({ field, message: `${field} = ${JSON.stringify(value) ?? "undefined"}: ${message}` })
  for (const [field, value] of Object.entries(input)) {
    if (value === undefined) continue
    if (field === "target") {
      if (value === null || typeof value !== "object" || Array.isArray(value)) {
        say("target", value, 'must be { kind: "cycle_service_level" | "fill_rate", level }')
        continue
      }
      const t = value as Record<string, unknown>
      for (const k of Object.keys(t)) if (k !== "kind" && k !== "level") say(`target.${k}`, t[k], "is not a setting")
      if (!TARGET_KINDS.includes(t.kind as string)) say("target.kind", t.kind, `must be one of ${TARGET_KINDS.join(", ")}`)
      if (!finite(t.level) || t.level <= 0.5 || t.level >= 1) say("target.level", t.level, "must be a service level between 0.5 and 1 (both excluded)")
      continue
    }
    const rule = RULES[field as keyof typeof RULES]
    if (!rule) {
      say(field, value, "is not a setting")
      continue
    }
    const wrong = rule(value)
    if (wrong) say(field, value, wrong)
  }
  return problems.length ? { ok: false, problems } : { ok: true, settings: input as InventorySettings }
}
