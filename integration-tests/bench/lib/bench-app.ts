import path from "node:path"
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { startApp } = require("@medusajs/test-utils/dist/medusa-test-runner-utils/bootstrap-app")

export const APP_DIR = path.resolve(__dirname, "..", "..")

/**
 * The test app booted in this process over DATABASE_URL, as a bench's server process uses it;
 * a failed boot ends the process with the reason, since the orchestrator waits on it.
 */
export function bootBenchApp(label: string): Promise<{ app: any; container: any; url: string }> {
  const booted = (async () => {
    process.chdir(APP_DIR)
    const app = await startApp({ cwd: APP_DIR })
    return { app, container: app.container, url: `http://localhost:${app.port}` }
  })()
  booted.catch((error) => {
    console.error(`${label}: boot failed: ${error?.stack ?? error}`)
    process.exit(1)
  })
  return booted
}
