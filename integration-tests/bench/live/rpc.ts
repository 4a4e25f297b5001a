import { ChildProcess, fork } from "node:child_process"
import { createWriteStream } from "node:fs"

/**
 * The bench's processes talk over Node's IPC channel (fork): a request { id, cmd, args }
 * answered by { id, result } or { id, error }. Messages of any other shape are ignored
 * (Medusa's startApp sends its port as a bare number).
 */
export type Handlers = Record<string, (args: any) => Promise<unknown> | unknown>

/** In a child: answers the parent's requests with `handlers`. */
export function serve(handlers: Handlers) {
  process.on("message", async (message: any) => {
    if (!message || typeof message !== "object" || typeof message.id !== "number") return
    try {
      const handler = handlers[message.cmd]
      if (!handler) throw new Error(`no handler for ${message.cmd}`)
      const result = await handler(message.args)
      process.send?.({ id: message.id, result })
    } catch (error) {
      process.send?.({ id: message.id, error: (error as Error)?.stack ?? String(error) })
    }
  })
}

/** In the parent: a typed-enough caller for a forked child, with a timeout per call. */
export function client(child: ChildProcess, name: string) {
  let next = 1
  const waiting = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>()
  child.on("message", (message: any) => {
    if (!message || typeof message !== "object" || typeof message.id !== "number") return
    const entry = waiting.get(message.id)
    if (!entry) return
    waiting.delete(message.id)
    clearTimeout(entry.timer)
    if ("error" in message) entry.reject(new Error(`${name}: ${message.error}`))
    else entry.resolve(message.result)
  })
  child.on("exit", (code) => {
    for (const entry of waiting.values()) {
      clearTimeout(entry.timer)
      entry.reject(new Error(`${name} exited (${code}) with a call outstanding`))
    }
    waiting.clear()
  })
  return function call<T = any>(cmd: string, args?: unknown, timeoutMs = 120_000): Promise<T> {
    const id = next++
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiting.delete(id)
        reject(new Error(`${name}: ${cmd} did not answer within ${timeoutMs} ms`))
      }, timeoutMs)
      waiting.set(id, { resolve, reject, timer })
      child.send({ id, cmd, args })
    })
  }
}

/** One clock for all processes of this machine, sub-millisecond: wall time from each process's high-resolution origin. */
export const now = () => performance.timeOrigin + performance.now()

/** Resolves when the child has exited by itself (a CPU profile is written on the way out), or after `ms`. */
export function exited(child: ChildProcess, ms: number): Promise<unknown> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(null)
    child.once("exit", resolve)
    setTimeout(resolve, ms).unref()
  })
}

/**
 * Forks one of the bench's TypeScript processes with its output in a log file.
 * process.execArgv carries tsx's loader (the benches run under tsx), so the child runs TS too.
 */
export function forkTs(file: string, options: { cwd: string; env: Record<string, string>; logFile: string; extraArgs?: string[] }): ChildProcess {
  const out = createWriteStream(options.logFile)
  const child = fork(file, [], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    execArgv: [...process.execArgv, ...(options.extraArgs ?? [])],
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  })
  child.stdout?.pipe(out)
  child.stderr?.pipe(out)
  return child
}
