import path from "node:path"

// The checkout-overhead bench compares the app with and without the plugin: the switch must
// drop the plugin entry (its module, subscribers, routes and jobs) and nothing else.
const CONFIG = path.resolve(__dirname, "..", "medusa-config.js")

function loadConfig(env: Record<string, string | undefined>) {
  const saved = { ...process.env }
  for (const [key, value] of Object.entries(env)) {
    // Assigning undefined to process.env stores the string "undefined".
    if (value === undefined) delete process.env[key]
    else process.env[key] = value
  }
  try {
    delete require.cache[require.resolve(CONFIG)]
    return require(CONFIG)
  } finally {
    for (const key of Object.keys(env)) {
      if (saved[key] === undefined) delete process.env[key]
      else process.env[key] = saved[key]
    }
  }
}

const resolved = (config: any) => config.plugins.map((plugin: any) => plugin.resolve)

describe("medusa-config.js", () => {
  it("installs Order Rhythm by default", () => {
    expect(resolved(loadConfig({ ORDER_RHYTHM_DISABLED: undefined }))).toContain("order-rhythm")
  })

  it("leaves it out with ORDER_RHYTHM_DISABLED=1, and keeps every other plugin and module", () => {
    const withPlugin = loadConfig({ ORDER_RHYTHM_DISABLED: undefined })
    const without = loadConfig({ ORDER_RHYTHM_DISABLED: "1" })
    expect(resolved(without)).toEqual(resolved(withPlugin).filter((name: string) => name !== "order-rhythm"))
    expect(Object.keys(without.modules)).toEqual(Object.keys(withPlugin.modules))
  })

  it("moves events through Redis for a server + worker pair with MEDUSA_EVENT_BUS=redis, and says what it misses", () => {
    const modules = (config: any) => (Array.isArray(config.modules) ? config.modules : Object.values(config.modules))
    const local = loadConfig({ MEDUSA_EVENT_BUS: undefined })
    expect(modules(local).map((module: any) => module.resolve)).not.toContain("@medusajs/medusa/event-bus-redis")
    const shared = loadConfig({ MEDUSA_EVENT_BUS: "redis", EVENT_BUS_REDIS_URL: "redis://127.0.0.1:6379/3", MEDUSA_EVENT_QUEUE: "shop-a" })
    const bus = modules(shared).find((module: any) => module.resolve === "@medusajs/medusa/event-bus-redis")
    expect(bus.options).toEqual({ redisUrl: "redis://127.0.0.1:6379/3", queueName: "shop-a" })
    expect(() => loadConfig({ MEDUSA_EVENT_BUS: "redis", EVENT_BUS_REDIS_URL: undefined, REDIS_URL: undefined })).toThrow(/EVENT_BUS_REDIS_URL or REDIS_URL/)
  })
})
