/**
 * Inventory settings, set at several levels; for each field the most specific level that sets it
 * wins: item > product > deepest category > location > plugin options. A product in several
 * categories takes the deepest one that sets the field (ties: the first given). The resolved
 * settings say where each field came from, so Admin can show "inherited from category Shoes".
 */
import type { PolicySettings } from "./reorder-policy"
import type { Rounding, ServiceTarget } from "./service-level"

export type InventorySettings = {
  leadTimeDays?: number
  leadTimeSdDays?: number
  target?: ServiceTarget
  rounding?: Rounding
  reviewPeriodDays?: number
  minimumOrderQuantity?: number
  packSize?: number
  unitCost?: number | null
  overstockMarginDays?: number
}

export type SettingsLevel = "item" | "product" | "category" | "location" | "plugin"

export type SettingsLevels = {
  item?: InventorySettings | null
  product?: InventorySettings | null
  /** the product's categories with their depth (root = 0) */
  categories?: readonly { id: string; depth: number; settings: InventorySettings }[]
  location?: InventorySettings | null
  plugin: PolicySettings
}

export type ResolvedSettings = { settings: PolicySettings; source: Record<keyof PolicySettings, { level: SettingsLevel; id?: string }> }

const FIELDS: (keyof PolicySettings)[] = ["leadTimeDays", "leadTimeSdDays", "target", "rounding", "reviewPeriodDays", "minimumOrderQuantity", "packSize", "unitCost", "overstockMarginDays"]

export function resolveSettings(levels: SettingsLevels): ResolvedSettings {
  const categories = [...(levels.categories ?? [])].map((c, i) => ({ ...c, i })).sort((a, b) => b.depth - a.depth || a.i - b.i)
  const settings = { ...levels.plugin }
  const source = {} as ResolvedSettings["source"]
  for (const field of FIELDS) {
    const pick = (): { value: unknown; level: SettingsLevel; id?: string } => {
      if (levels.item && levels.item[field] !== undefined) return { value: levels.item[field], level: "item" }
      if (levels.product && levels.product[field] !== undefined) return { value: levels.product[field], level: "product" }
      const c = categories.find((c) => c.settings[field] !== undefined)
      if (c) return { value: c.settings[field], level: "category", id: c.id }
      if (levels.location && levels.location[field] !== undefined) return { value: levels.location[field], level: "location" }
      return { value: levels.plugin[field], level: "plugin" }
    }
    const { value, level, id } = pick()
    ;(settings as Record<string, unknown>)[field] = value
    source[field] = id === undefined ? { level } : { level, id }
  }
  return { settings, source }
}

/** The plugin-wide defaults from the plugin options (serviceLevel, leadTimeDays, reviewPeriodDays). */
export function pluginDefaults(options: { serviceLevel: number; leadTimeDays: number; reviewPeriodDays: number }): PolicySettings {
  return {
    leadTimeDays: options.leadTimeDays,
    leadTimeSdDays: 0,
    target: { kind: "cycle_service_level", level: options.serviceLevel },
    rounding: "nearest",
    reviewPeriodDays: options.reviewPeriodDays,
    minimumOrderQuantity: 1,
    packSize: 1,
    unitCost: null,
    overstockMarginDays: 30,
  }
}
