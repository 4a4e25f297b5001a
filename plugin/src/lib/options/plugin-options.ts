import { IANAZone } from "luxon"
import { z } from "@medusajs/framework/zod"
import { redactCredentials } from "../redact"

/**
 * The plugin's options, as a store operator writes them in medusa-config.
 * Every field has a default so `{ resolve: "order-rhythm" }` alone is a working setup.
 */
const slaHours = z
  .object({
    captured: z.number().positive(),
    fulfilled: z.number().positive(),
    shipped: z.number().positive(),
    delivered: z.number().positive(),
  })
  .partial()
  .strict()

/** Demand forecasting: how far ahead, and when the store's night is for the model fits. */
const forecastOptions = z
  .object({
    /** days forecast ahead; also the backtest horizon the error distribution is learned for */
    horizon: z.number().int().min(7).max(180).default(28),
    /** local hour the nightly refit (and the weekly selection) may start */
    nightHour: z.number().int().min(0).max(23).default(3),
    /** hours after nightHour a missed start may still catch up */
    windowHours: z.number().int().min(1).max(12).default(4),
    /** ISO weekday of the weekly model selection: 1 = Monday ... 7 = Sunday */
    selectionWeekday: z.number().int().min(1).max(7).default(7),
    /** worker threads for the fits; the request-serving thread keeps a core */
    threads: z.number().int().min(1).max(16).default(1),
    /** days of forecast-vs-actual the tracking figures cover */
    trackingDays: z.number().int().min(7).max(365).default(28),
  })
  .strict()

export const pluginOptionsSchema = z
  .object({
    /** IANA zone of the store: day and hour buckets, "today" and "nightly" are in this zone. */
    timezone: z
      .string()
      .refine((zone) => IANAZone.isValidZone(zone), { message: "is not a known IANA time zone" })
      .default("UTC"),
    socket: z
      .object({
        /** 0 takes any free port (tests); Medusa does not share its HTTP server with plugins. */
        port: z.number().int().min(0).max(65535).default(9001),
        host: z.string().min(1).default("0.0.0.0"),
        /** Origins allowed to open the socket from a browser; the served wall is same-origin. */
        corsOrigins: z.array(z.string().min(1)).default([]),
        enabled: z.boolean().default(true),
        /**
         * Serve the screens from a worker thread of their own, so that a message to 1,000 screens
         * (1,000 socket writes) does not hold up checkouts; false serves them in Medusa's thread.
         */
        thread: z.boolean().default(true),
      })
      .strict()
      .prefault({}),
    /** Shares rooms, sequences and replay buffers between Medusa processes. */
    redisUrl: z.string().url().optional(),
    /** Default cycle service level for safety stock. */
    serviceLevel: z.number().gt(0.5).lt(1).default(0.95),
    leadTimeDays: z.number().min(0).default(7),
    reviewPeriodDays: z.number().min(0).default(7),
    /** Stage whose arrival closes an order's flow; many stores never mark delivery. */
    finalStage: z.enum(["fulfilled", "shipped", "delivered"]).default("shipped"),
    slaHours: slaHours.prefault({}),
    forecast: forecastOptions.prefault({}),
    reconcile: z
      .object({
        /**
         * The job that checks Medusa for missed orders and stock levels every 5 minutes (and
         * backfills on install). Off, reconciliation runs only when asked (POST /reconcile):
         * for a store that reconciles from its own scheduler, or a test that drives it.
         */
        scheduled: z.boolean().default(true),
      })
      .strict()
      .prefault({}),
  })
  .strict()

export type PluginOptionsInput = z.input<typeof pluginOptionsSchema>
export type PluginOptions = z.output<typeof pluginOptionsSchema>

export class InvalidPluginOptionsError extends Error {
  constructor(public readonly problems: string[]) {
    super(`order-rhythm: invalid plugin options: ${problems.join("; ")}`)
    this.name = "InvalidPluginOptionsError"
  }
}

/**
 * Parses the raw options and, when they are wrong, throws one error that names each
 * offending option with the value it was given, so a typo is found from the log alone.
 */
export function parsePluginOptions(raw: unknown): PluginOptions {
  const input = withoutMedusaKeys(raw ?? {})
  const result = pluginOptionsSchema.safeParse(input)
  if (result.success) {
    return result.data
  }
  const problems = result.error.issues.map((issue) => {
    const path = issue.path.map(String)
    const name = path.length ? path.join(".") : "(options)"
    if (issue.code === "unrecognized_keys") {
      const where = path.length ? `${name}.` : ""
      return `unknown option ${issue.keys.map((key) => `"${where}${key}"`).join(", ")}`
    }
    // Echoed to the log: a redisUrl's password must not go with it.
    const value = redactCredentials(valueAt(input, path), path[path.length - 1])
    return `option "${name}" = ${JSON.stringify(value) ?? "undefined"}: ${issue.message}`
  })
  throw new InvalidPluginOptionsError(problems)
}

/** Keys Medusa itself adds to every module's options; they are not the operator's typos. */
const MEDUSA_INJECTED_KEYS = ["database"]

function withoutMedusaKeys(raw: unknown): unknown {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    return raw
  }
  const copy: Record<string, unknown> = { ...(raw as Record<string, unknown>) }
  for (const key of MEDUSA_INJECTED_KEYS) {
    delete copy[key]
  }
  return copy
}

function valueAt(root: unknown, path: string[]): unknown {
  let node: unknown = root
  for (const key of path) {
    if (node === null || typeof node !== "object") {
      return undefined
    }
    node = (node as Record<string, unknown>)[key]
  }
  return node
}
