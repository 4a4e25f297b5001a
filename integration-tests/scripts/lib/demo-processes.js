// The demo's child processes: each in a process group of its own, so stopping one stops
// whatever it started too (Medusa's workers, tsx's node), and its output split between the
// log file (all of it) and the terminal (what the filter lets through).
const { spawn } = require("node:child_process")
const { stripAnsi } = require("./demo-terminal")

function timestamp() {
  return new Date().toISOString().replace("T", " ").slice(0, 19)
}

/** Splits a stream into lines and hands each to `onLine` (the last, unterminated one at the end). */
function eachLine(stream, onLine) {
  let carry = ""
  stream.setEncoding("utf8")
  stream.on("data", (chunk) => {
    const text = carry + chunk
    const lines = text.split(/\r?\n|\r/)
    carry = lines.pop() ?? ""
    for (const line of lines) onLine(line)
  })
  stream.on("end", () => {
    if (carry) onLine(carry)
    carry = ""
  })
}

/**
 * Starts `command args` in its own process group. Every line goes to `log` (a writable stream)
 * under `name`; lines `filter(line, stream)` returns text for are written to `terminal`.
 * `onLine` sees every stdout line too (to notice a process saying it is ready).
 */
function startLogged({ name, command, args, cwd, env, log, terminal = process.stdout, filter, onLine }) {
  const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"], detached: true })
  const handle = (stream) => (line) => {
    log.write(`${timestamp()} ${name}${stream === "stderr" ? "!" : ""} ${stripAnsi(line)}\n`)
    const shown = filter ? filter(line, stream) : line
    if (shown !== null && shown !== undefined) terminal.write(`${shown}\n`)
    if (stream === "stdout" && onLine) onLine(line)
  }
  eachLine(child.stdout, handle("stdout"))
  eachLine(child.stderr, handle("stderr"))
  return child
}

const exited = (child) => child.exitCode !== null || child.signalCode !== null

/** Signals the child's whole process group; false when there is none left to signal. */
function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal)
    return true
  } catch {
    return false
  }
}

/**
 * Stops a child and its process group: SIGTERM, then SIGKILL after `graceMs` for whatever is
 * still there (a Medusa that hangs on shutdown must not keep the demo's ports).
 */
async function stopGroup(child, graceMs = 10_000) {
  if (!child || child.pid === undefined) return
  const exit = exited(child) ? Promise.resolve() : new Promise((resolve) => child.once("exit", resolve))
  if (!signalGroup(child, "SIGTERM")) return
  const timer = new Promise((resolve) => setTimeout(resolve, graceMs).unref())
  await Promise.race([exit, timer])
  // the group's leader may be gone and its children not: the group decides
  const deadline = Date.now() + graceMs
  while (Date.now() < deadline && groupAlive(child)) await new Promise((resolve) => setTimeout(resolve, 100))
  signalGroup(child, "SIGKILL")
  await exit
  // a killed process lingers until it is reaped; wait for that, briefly
  const reaped = Date.now() + 2_000
  while (Date.now() < reaped && groupAlive(child)) await new Promise((resolve) => setTimeout(resolve, 20))
}

function groupAlive(child) {
  try {
    process.kill(-child.pid, 0)
    return true
  } catch {
    return false
  }
}

module.exports = { startLogged, stopGroup, groupAlive, eachLine }

const PACKAGE_MANAGER = /(^|[\s/])(pnpm|npm|npx|yarn)(\.c?js)?(\s|$)/

/**
 * The package-manager processes and the shells between them that started this one (`pnpm demo`
 * is pnpm, a shell, pnpm again and a shell before node): pnpm does not pass a SIGTERM on to its
 * script, so the demo watches them and stops when the one a user signalled is gone. Only up to
 * the topmost package manager: a shell above it (the user's) is not the demo's business, and a
 * demo started without one watches nothing.
 */
function wrapperAncestors(pid = process.pid) {
  const { execFileSync } = require("node:child_process")
  const wrappers = []
  const managers = []
  let current = pid
  for (let depth = 0; depth < 12; depth++) {
    let line
    try {
      line = execFileSync("ps", ["-o", "ppid=,args=", "-p", String(current)], { encoding: "utf8" }).trim()
    } catch {
      break
    }
    const [, ppid, args] = /^(\d+)\s+(.*)$/.exec(line) ?? []
    if (!ppid || Number(ppid) <= 1) break
    const parent = execFileSync("ps", ["-o", "args=", "-p", ppid], { encoding: "utf8" }).trim()
    const manager = PACKAGE_MANAGER.test(parent)
    if (!manager && !/^(\/bin\/|\/usr\/bin\/)?(sh|dash|bash) -c /.test(parent)) break
    wrappers.push(Number(ppid))
    if (manager) managers.push(wrappers.length)
    current = Number(ppid)
    if (!args) break
  }
  return wrappers.slice(0, managers.length ? managers[managers.length - 1] : 0)
}

/** Calls `onGone` once, when any of `pids` has exited (checked every `everyMs`). */
function whenAnyExits(pids, onGone, everyMs = 1000) {
  if (pids.length === 0) return () => {}
  const timer = setInterval(() => {
    const gone = pids.find((pid) => {
      try {
        process.kill(pid, 0)
        return false
      } catch (error) {
        return error.code === "ESRCH"
      }
    })
    if (gone !== undefined) {
      clearInterval(timer)
      onGone(gone)
    }
  }, everyMs)
  timer.unref()
  return () => clearInterval(timer)
}

module.exports.wrapperAncestors = wrapperAncestors
module.exports.whenAnyExits = whenAnyExits
