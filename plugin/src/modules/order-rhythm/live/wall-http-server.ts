import fs from "node:fs"
import http from "node:http"
import path from "node:path"
import sirv from "sirv"
import type { Logger } from "@medusajs/framework/types"

export type WallHttpServer = {
  server: http.Server
  port: number
  close(): Promise<void>
}

/** Where the built wall display lands in the package (copied in after `plugin:build`). */
export const DASHBOARD_DIR = path.resolve(__dirname, "..", "..", "..", "..", "dashboard")

/**
 * The plugin's own HTTP server: Medusa does not hand its HTTP server to plugins, so the
 * wall display (and, with the live stream, Socket.IO) gets a port of its own. One URL,
 * no separate web server for the screen on the wall.
 */
export function startWallHttpServer(options: { port: number; host: string; logger: Logger; timezone?: string }): Promise<WallHttpServer | null> {
  const { port, host, logger } = options
  // The store's zone, for the wall's clock before its first snapshot (no token needed: a zone is no secret).
  const storeZone = JSON.stringify({ timezone: options.timezone ?? null })
  const hasDashboard = fs.existsSync(path.join(DASHBOARD_DIR, "index.html"))
  const serveDashboard = hasDashboard ? sirv(DASHBOARD_DIR, { single: true, etag: true }) : null

  const server = http.createServer((req, res) => {
    if (req.url === "/health") {
      res.writeHead(200, { "content-type": "text/plain" }).end("OK")
      return
    }
    if (req.url === "/store-zone.json") {
      res.writeHead(200, { "content-type": "application/json", "cache-control": "no-cache" }).end(storeZone)
      return
    }
    if (!serveDashboard) {
      res
        .writeHead(503, { "content-type": "text/plain; charset=utf-8" })
        .end(`order-rhythm: the wall display is not built into this package (looked in ${DASHBOARD_DIR})`)
      return
    }
    serveDashboard(req, res)
  })

  return new Promise((resolve) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      // Medusa swallows errors from lifecycle hooks, so this is the only trace an
      // operator gets of a wall that will never answer.
      const why = error.code === "EADDRINUSE" ? `port ${port} is already in use` : error.message
      logger.error(
        `order-rhythm: the wall display server could not start: ${why}. ` +
          `Set the plugin option socket.port to a free port (0 picks any).`
      )
      resolve(null)
    })
    server.listen(port, host, () => {
      const address = server.address()
      const actualPort = typeof address === "object" && address ? address.port : port
      if (!hasDashboard) {
        logger.warn(`order-rhythm: no built wall display found in ${DASHBOARD_DIR}`)
      }
      logger.info(`order-rhythm: wall display on http://localhost:${actualPort}/`)
      resolve({
        server,
        port: actualPort,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections?.()
            server.close(() => done())
          }),
      })
    })
  })
}
