import path from "node:path"

// The checkout-overhead bench compares the app with and without the plugin: the switch must
// drop the plugin entry (its module, subscribers, routes and jobs) and nothing else.
const CONFIG = path.resolve(__dirname, "..", "medusa-config.js")

function loadConfig(env: Record<string, string | undefined>) {
  const saved = { ...process.env }
  Object.assign(process.env, env)
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
})
