import { describe, expect, it } from "vitest"
import { InvalidPluginOptionsError, parsePluginOptions } from "./plugin-options"

describe("parsePluginOptions", () => {
  it("fills every default so an empty object is a working setup", () => {
    const options = parsePluginOptions(undefined)
    expect(options.timezone).toBe("UTC")
    expect(options.socket).toEqual({ port: 9001, host: "0.0.0.0", corsOrigins: [], enabled: true, thread: true })
    expect(options.serviceLevel).toBe(0.95)
    expect(options.finalStage).toBe("shipped")
  })

  it("keeps what the operator set", () => {
    const options = parsePluginOptions({ timezone: "Asia/Shanghai", socket: { port: 0 }, slaHours: { shipped: 48 } })
    expect(options.timezone).toBe("Asia/Shanghai")
    expect(options.socket.port).toBe(0)
    expect(options.slaHours).toEqual({ shipped: 48 })
  })

  it("names each bad option with the value it was given", () => {
    let error: unknown
    try {
      parsePluginOptions({ timezone: "Mars/Olympus_Mons", leadTimeDays: -3, socket: { port: 70000 } })
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(InvalidPluginOptionsError)
    const message = (error as Error).message
    expect(message).toContain('option "timezone" = "Mars/Olympus_Mons": is not a known IANA time zone')
    expect(message).toContain('option "leadTimeDays" = -3')
    expect(message).toContain('option "socket.port" = 70000')
  })

  it("rejects a misspelt option instead of ignoring it", () => {
    expect(() => parsePluginOptions({ timeZone: "UTC" })).toThrow('unknown option "timeZone"')
    expect(() => parsePluginOptions({ socket: { prot: 9001 } })).toThrow('unknown option "socket.prot"')
  })

  it("ignores the database key Medusa adds to every module's options", () => {
    expect(parsePluginOptions({ database: { clientUrl: "postgres://x" } }).timezone).toBe("UTC")
  })
})

describe("an invalid option in the start-up error", () => {
  it("names the option without the password a Redis URL carries", () => {
    let message = ""
    try {
      parsePluginOptions({ redisUrl: "redis://default:hunter2@cache internal:6379" })
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toContain('option "redisUrl" = "redis://default:***@cache internal:6379"')
    expect(message).not.toContain("hunter2")
  })
})

describe("the scheduled reconciliation", () => {
  it("runs by default, and can be left to the operator", () => {
    expect(parsePluginOptions({}).reconcile.scheduled).toBe(true)
    expect(parsePluginOptions({ reconcile: { scheduled: false } }).reconcile.scheduled).toBe(false)
    expect(() => parsePluginOptions({ reconcile: { scheduled: "no" } })).toThrow('option "reconcile.scheduled" = "no"')
  })
})
