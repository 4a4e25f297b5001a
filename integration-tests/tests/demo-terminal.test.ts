import { spawn, spawnSync } from "node:child_process"
import fs from "node:fs"
import net from "node:net"
import os from "node:os"
import path from "node:path"
import { PassThrough } from "node:stream"

/**
 * The demo's terminal and its stopping, without Medusa: the filter on lines Medusa and the
 * simulator really write, and a process group (a parent that starts a child holding a port)
 * stopped the way the demo stops Medusa.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { terminalFilter } = require("../scripts/lib/demo-terminal")
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startLogged, stopGroup, groupAlive } = require("../scripts/lib/demo-processes")

const esc = "\u001b"

describe("the demo's terminal", () => {
  it("shows Medusa's warnings and errors with their stack, and the seed's progress; not requests, events or spinners", () => {
    const show = terminalFilter("medusa")
    const lines: Array<[string, "stdout" | "stderr"]> = [
      [`${esc}[35mhttp${esc}[39m:    GET /health ← - (200) - 1.203 ms`, "stdout"],
      [`${esc}[32minfo${esc}[39m:    Processing inventory-item.updated which has 1 subscribers`, "stdout"],
      [`${esc}[32minfo${esc}[39m:    order-rhythm demo: history: 12,000 of 40,000 orders (900 orders/s, up to 2026-03-01)`, "stdout"],
      [`${esc}[33mwarn${esc}[39m:    order-rhythm: could not analyze its tables: timeout`, "stdout"],
      [`${esc}[31merror${esc}[39m:   An error occurred while processing order.placed: boom`, "stdout"],
      ["Error: boom", "stdout"],
      ["    at handler (/app/src/subscribers/order-placed.ts:12:11)", "stdout"],
      [`${esc}[32minfo${esc}[39m:    Server is ready on port: 9000`, "stdout"],
      ["✔ Server is ready on port: 9000 – 12ms", "stderr"],
      ["(node:123) Warning: a deprecation", "stderr"],
    ]
    const shown = lines.map(([line, stream]) => show(line, stream)).filter((line) => line !== null)
    expect(shown).toEqual([
      "[demo] history: 12,000 of 40,000 orders (900 orders/s, up to 2026-03-01)",
      "warn:    order-rhythm: could not analyze its tables: timeout",
      "error:   An error occurred while processing order.placed: boom",
      "Error: boom",
      "    at handler (/app/src/subscribers/order-placed.ts:12:11)",
      "(node:123) Warning: a deprecation",
    ])
  })

  it("shows the simulator's failures, not its every order or its minutely tally", () => {
    const show = terminalFilter("simulator")
    expect(show("[simulator] started at x10: 12 open orders picked up, 300 known customers; now 4.1 orders/h")).toBeNull()
    expect(
      show("[simulator] Tue 08 Dec 12:10 x10 5.0 orders/h = 0.83/min real | placed 0 captured 0 fulfilled 1 shipped 0 delivered 20 canceled 0 returned 0 refused 0 failed 0 | open 118")
    ).toBeNull()
    expect(show("[simulator] starting failed: 401; trying again in 30 s")).toBe("[simulator] starting failed: 401; trying again in 30 s")
    expect(show("[simulator] placing a web/eu order (A B) failed: 500")).toBe("[simulator] placing a web/eu order (A B) failed: 500")
    expect(show("[simulator] server unreachable (login: ECONNREFUSED); pausing")).toContain("unreachable")
    expect(show("anything at all", "stderr")).toBe("anything at all")
  })

  it("writes every line to the log and only the filtered ones to the terminal", async () => {
    const log = new PassThrough()
    const terminal = new PassThrough()
    let logged = ""
    let printed = ""
    log.on("data", (chunk) => (logged += chunk))
    terminal.on("data", (chunk) => (printed += chunk))
    const child = startLogged({
      name: "medusa start",
      command: process.execPath,
      args: ["-e", 'for (let i = 0; i < 50; i++) console.log("http:    GET /store/products " + i); console.log("warn:    slow"); console.error("boom")'],
      env: process.env,
      log,
      terminal,
      filter: terminalFilter("medusa"),
    })
    await new Promise((resolve) => child.on("close", resolve))
    expect(logged.split("\n").filter((line) => line.includes("GET /store/products"))).toHaveLength(50)
    expect(logged).toMatch(/medusa start! boom/)
    expect(printed).toBe("warn:    slow\nboom\n")
  })
})

describe("stopping the demo's processes", () => {
  const portFree = (port: number) =>
    new Promise<boolean>((resolve) => {
      const socket = net.connect({ host: "127.0.0.1", port })
      socket.once("connect", () => {
        socket.destroy()
        resolve(false)
      })
      socket.once("error", () => resolve(true))
    })

  // A parent (Medusa's CLI) that starts a child (the server) which holds a port and ignores
  // SIGTERM, the way a server stuck in its shutdown does.
  const parentScript = `
    const { spawn } = require("node:child_process")
    const child = spawn(process.execPath, ["-e", \`
      process.on("SIGTERM", () => {})
      require("node:net").createServer().listen(0, "127.0.0.1", function () { console.log("port " + this.address().port) })
    \`], { stdio: ["ignore", "inherit", "inherit"] })
    process.on("SIGTERM", () => process.exit(0))
    setInterval(() => {}, 1000)
  `

  it("stops the process group a child started, grandchildren too, and frees their port", async () => {
    const log = new PassThrough().resume()
    let port = 0
    const child = startLogged({
      name: "medusa start",
      command: process.execPath,
      args: ["-e", parentScript],
      env: process.env,
      log,
      terminal: new PassThrough().resume(),
      onLine: (line: string) => {
        const match = /^port (\d+)/.exec(line)
        if (match) port = Number(match[1])
      },
    })
    const deadline = Date.now() + 10_000
    while (!port && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50))
    expect(port).toBeGreaterThan(0)
    expect(await portFree(port)).toBe(false)

    const started = Date.now()
    await stopGroup(child, 1_000)
    expect(groupAlive(child)).toBe(false)
    expect(await portFree(port)).toBe(true)
    // the grandchild ignored SIGTERM: it took the SIGKILL after the grace period, not a hang
    expect(Date.now() - started).toBeLessThan(5_000)
    const leftover = spawnSync("pgrep", ["-g", String(child.pid)], { encoding: "utf8" })
    expect(leftover.stdout.trim()).toBe("")
  })
})

describe("a demo started through a package manager", () => {
  it("stops when the package manager it ran under is signalled, though that one does not pass the signal on", async () => {
    // a stand-in for `pnpm demo`: a script named pnpm that runs node and does not forward SIGTERM
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "order-rhythm-wrapper-"))
    const lib = path.resolve(__dirname, "..", "scripts", "lib", "demo-processes.js")
    const stopped = path.join(dir, "stopped")
    fs.writeFileSync(
      path.join(dir, "demo.js"),
      `const { wrapperAncestors, whenAnyExits } = require(${JSON.stringify(lib)})
       const wrappers = wrapperAncestors()
       console.log("wrappers " + JSON.stringify(wrappers))
       whenAnyExits(wrappers, () => { require("node:fs").writeFileSync(${JSON.stringify(stopped)}, "yes"); process.exit(0) }, 100)
       setInterval(() => {}, 1000)`
    )
    fs.writeFileSync(path.join(dir, "pnpm"), `#!/bin/sh\n${process.execPath} ${path.join(dir, "demo.js")}\n`, { mode: 0o755 })
    const wrapper = spawn(path.join(dir, "pnpm"), [], { stdio: ["ignore", "pipe", "inherit"] })
    const line = await new Promise<string>((resolve) => wrapper.stdout.once("data", (chunk) => resolve(String(chunk))))
    expect(JSON.parse(line.replace("wrappers ", ""))).toEqual([wrapper.pid])
    wrapper.kill("SIGTERM")
    const deadline = Date.now() + 5_000
    while (!fs.existsSync(stopped) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50))
    expect(fs.existsSync(stopped)).toBe(true)
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it("watches nothing when started without one", () => {
    const run = spawnSync("sh", ["-c", `${process.execPath} -e 'console.log(JSON.stringify(require(${JSON.stringify(path.resolve(__dirname, "..", "scripts", "lib", "demo-processes.js"))}).wrapperAncestors()))'; true`], { encoding: "utf8" })
    expect(JSON.parse(run.stdout)).toEqual([])
  })
})
