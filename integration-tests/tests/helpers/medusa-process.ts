import { spawn, ChildProcess } from "node:child_process"
import path from "node:path"

export const APP_DIR = path.resolve(__dirname, "..", "..")

export type MedusaRun = { code: number | null; output: string }

/**
 * Runs the Medusa CLI of the test app as its own process, the way an operator starts
 * it, and collects what it prints until it exits or the time runs out.
 */
export function runMedusa(args: string[], env: Record<string, string>, timeoutMs = 90_000): Promise<MedusaRun> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, [require.resolve("@medusajs/cli/cli.js"), ...args], {
      cwd: APP_DIR,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    })
    let output = ""
    child.stdout?.on("data", (chunk) => (output += chunk))
    child.stderr?.on("data", (chunk) => (output += chunk))
    const timer = setTimeout(() => {
      child.kill("SIGKILL")
      reject(new Error(`medusa ${args.join(" ")} did not exit within ${timeoutMs} ms:\n${output.slice(-2000)}`))
    }, timeoutMs)
    child.on("exit", (code) => {
      clearTimeout(timer)
      resolve({ code, output })
    })
  })
}
