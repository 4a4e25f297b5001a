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
