/**
 * Live traffic for a running demo:
 *
 *   npx tsx src/demo/simulate.ts --base-url http://localhost:9000 --speed 20 [--seed 7] [--store path]
 *
 * Reads the store the seed wrote (`.order-rhythm/demo-store.json` at the repository root)
 * and the admin login from DEMO_ADMIN_EMAIL / DEMO_ADMIN_PASSWORD. Runs until Ctrl-C.
 */
import fs from "node:fs"
import path from "node:path"
import type { DemoStore } from "./store-view"
import { startSimulator } from "./simulator"

export const DEMO_STORE_FILE = path.resolve(__dirname, "..", "..", "..", ".order-rhythm", "demo-store.json")

function argument(name: string): string | undefined {
  const args = process.argv.slice(2)
  const index = args.indexOf(`--${name}`)
  if (index >= 0) return args[index + 1]
  return args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3)
}

function main() {
  const baseUrl = argument("base-url") ?? process.env.MEDUSA_BACKEND_URL ?? "http://localhost:9000"
  const speed = Number(argument("speed") ?? 1)
  const seed = argument("seed") === undefined ? undefined : Number(argument("seed"))
  const storeFile = path.resolve(argument("store") ?? DEMO_STORE_FILE)
  if (!(speed > 0)) {
    throw new Error(`--speed must be a positive number, got ${argument("speed")}`)
  }
  if (!fs.existsSync(storeFile)) {
    throw new Error(`no demo store at ${storeFile}: seed the demo first (npm run demo)`)
  }
  const store = JSON.parse(fs.readFileSync(storeFile, "utf8")) as DemoStore
  const simulator = startSimulator({
    baseUrl,
    speed,
    seed,
    store,
    admin: {
      email: process.env.DEMO_ADMIN_EMAIL || "admin@order-rhythm.local",
      password: process.env.DEMO_ADMIN_PASSWORD || "order-rhythm",
    },
    log: (line) => console.log(line),
  })
  console.log(`[simulator] ${baseUrl} at x${speed}, ${Object.keys(store.variants).length} variants; Ctrl-C to stop`)
  let stopping = false
  const stop = async () => {
    if (stopping) return
    stopping = true
    await simulator.stop()
    console.log(`[simulator] stopped: ${JSON.stringify(simulator.stats())}`)
    process.exit(0)
  }
  process.on("SIGINT", stop)
  process.on("SIGTERM", stop)
}

try {
  main()
} catch (error: any) {
  console.error(`[simulator] ${error?.message ?? error}`)
  process.exit(1)
}
