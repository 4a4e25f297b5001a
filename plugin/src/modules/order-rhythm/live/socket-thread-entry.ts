/**
 * The screen thread: the wall's HTTP server and Socket.IO with every screen's socket. Runs as
 * the built `.js` next to this file (`.medusa/server`), started by ./screen-thread. A message
 * to 1,000 screens is 1,000 socket writes; here they take the second core instead of the
 * event loop that serves checkouts and ingests orders. The figures stay in the main thread:
 * this one asks it who may connect and what each screen is sent (only data crosses).
 */
import { parentPort, workerData } from "node:worker_threads"
import type { Logger } from "@medusajs/framework/types"
import type { HubAccess } from "./live-hub"
import { startSocketServer, type SocketServerOptions } from "./socket-server"
import type { FromSocketThread, ToSocketThread } from "./socket-thread-messages"

const main = parentPort!
const tell = (message: FromSocketThread) => main.postMessage(message)

const log = (level: "error" | "warn" | "info" | "debug") => (message: string) => tell({ t: "log", level, message })
const logger = { error: log("error"), warn: log("warn"), info: log("info"), debug: log("debug") } as unknown as Logger

const asked = new Map<number, { resolve: (value: any) => void; reject: (error: Error) => void }>()
let nextAsk = 0
const ask = <T>(method: keyof HubAccess, args: unknown[]) =>
  new Promise<T>((resolve, reject) => {
    const id = nextAsk++
    asked.set(id, { resolve, reject })
    tell({ t: "ask", id, method, args })
  })
const access: HubAccess = {
  authorize: (auth) => ask("authorize", [auth]),
  sync: (rooms, lastSeqs, arriving) => ask("sync", [rooms, lastSeqs, arriving]),
}

async function run() {
  const server = await startSocketServer(workerData.options as SocketServerOptions, access, logger, (rooms) => tell({ t: "rooms", rooms }))
  if (!server) {
    tell({ t: "failed" })
    main.close()
    return
  }
  main.on("message", (message: ToSocketThread) => {
    switch (message.t) {
      case "deliver":
        server.deliver(message.deltas)
        break
      case "cut":
        server.cut(message.tokenId)
        break
      case "stats":
        void server.stats(message.collect).then((value) => tell({ t: "stats", id: message.id, value }))
        break
      case "answer": {
        const waiting = asked.get(message.id)
        asked.delete(message.id)
        if (message.ok) waiting?.resolve(message.value)
        else waiting?.reject(new Error(message.error))
        break
      }
      case "close":
        void server.close().finally(() => {
          tell({ t: "closed" })
          main.close()
        })
        break
    }
  })
  tell({ t: "ready", port: server.port })
}

run().catch((error) => {
  logger.error(`order-rhythm: the screen thread failed to start: ${error?.stack ?? error}`)
  tell({ t: "failed" })
  main.close()
})
