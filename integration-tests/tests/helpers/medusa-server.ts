import { spawn, ChildProcess } from "node:child_process"
import { APP_DIR } from "./medusa-process"

export type RunningMedusa = { url: string; port: number; child: ChildProcess; output: () => string; stop(): Promise<void> }

/**
 * A second Medusa process of the same app, as an operator runs one beside the first
 * (same database, same Redis), started with `medusa start` and stopped with SIGTERM.
 */
export async function startMedusa(env: Record<string, string>, port: number, timeoutMs = 90_000): Promise<RunningMedusa> {
  const child = spawn(process.execPath, [require.resolve("@medusajs/cli/cli.js"), "start"], {
    cwd: APP_DIR,
    env: { ...process.env, MEDUSA_ADMIN_DISABLED: "true", LOG_LEVEL: "info", ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  })
  let output = ""
  child.stdout?.on("data", (chunk) => (output += chunk))
  child.stderr?.on("data", (chunk) => (output += chunk))
  const url = `http://localhost:${port}`
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`medusa start exited with ${child.exitCode}:\n${output.slice(-3000)}`)
    }
    try {
      if ((await fetch(`${url}/health`)).ok) break
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  return {
    url,
    port,
    child,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once("exit", () => resolve())
        child.kill("SIGTERM")
        setTimeout(() => child.kill("SIGKILL"), 15_000).unref()
      }),
  }
}

/** The wall's port a process announced in its log (socket port 0 takes any free one). */
export function wallPortOf(process: RunningMedusa): number {
  const match = process.output().match(/wall display on http:\/\/localhost:(\d+)\//)
  if (!match) throw new Error(`process on ${process.port} announced no wall port:\n${process.output().slice(-2000)}`)
  return Number(match[1])
}
