import { existsSync } from "node:fs"
import path from "node:path"
import { Worker } from "node:worker_threads"
import type { Logger } from "@medusajs/framework/types"
import type { Delta, RoomName } from "../../../lib/live"
import type { HubAccess } from "./live-hub"
import { startSocketServer, type SocketServer, type SocketServerOptions, type SocketServerStats } from "./socket-server"
import type { FromSocketThread, ToSocketThread } from "./socket-thread-messages"

/** A screen thread that stopped is started again after this long, doubling up to a minute. */
const RESTART_MS = 1000
const RESTART_MAX_MS = 60_000
/** How long a closing screen thread may take to say goodbye to its screens. */
const CLOSE_MS = 5000

/** The stats of a screen thread that is not running. */
const NO_SCREENS: SocketServerStats = { sockets: 0, heapUsed: 0, external: 0, inThread: true, busyMs: 0 }

/**
 * Serves the screens from a worker thread of their own (./socket-thread-entry), unless the
 * operator asked for none (socket.thread: false). Running from TypeScript source (unit tests)
 * there is no `.js` to start, and they are served in this thread.
 */
export async function startSocketServerThread(
  options: SocketServerOptions,
  access: HubAccess,
  logger: Logger,
  inThread = true,
  entry = path.join(__dirname, "socket-thread-entry.js")
): Promise<SocketServer | null> {
  if (!inThread || (!existsSync(entry) && __filename.endsWith(".ts"))) return startSocketServer(options, access, logger)
  const thread = new SocketServerThread(options, access, logger, entry)
  return (await thread.start()) ? thread : null
}

/**
 * The main thread's side of the screen thread: hands it each publication, answers what it asks
 * the hub, and keeps the list of watched rooms it reports, so the hub knows without asking
 * which rooms to recount. Should the thread stop, it is started again on the same port: the
 * screens reconnect with their seqs and are replayed what they missed.
 */
class SocketServerThread implements SocketServer {
  port = 0
  private worker: Worker | null = null
  private watched = new Set<RoomName>()
  private readonly stat = new Map<number, (stats: SocketServerStats) => void>()
  private nextStat = 0
  private closing = false
  private restartIn = RESTART_MS
  private restartTimer: ReturnType<typeof setTimeout> | null = null

  constructor(
    private readonly options: SocketServerOptions,
    private readonly access: HubAccess,
    private readonly logger: Logger,
    private readonly entry: string
  ) {}

  /** Whether the thread now serves on its port (when not, it has said why in the log). */
  start(): Promise<boolean> {
    const worker = new Worker(this.entry, { workerData: { options: { ...this.options, port: this.port || this.options.port } } })
    this.worker = worker
    return new Promise((resolve) => {
      let started = false
      worker.on("message", (message: FromSocketThread) => {
        if (message.t === "ready") {
          started = true
          this.port = message.port
          this.restartIn = RESTART_MS
          resolve(true)
        } else if (message.t === "failed") {
          resolve(false)
        } else {
          this.heard(worker, message)
        }
      })
      worker.on("error", (error) => {
        this.logger.error(`order-rhythm: the screen thread failed: ${error?.stack ?? error}`)
      })
      worker.on("exit", (code) => {
        if (this.worker === worker) this.worker = null
        this.watched = new Set()
        // Questions it can no longer answer: no screens, no heap of its own.
        for (const answer of this.stat.values()) answer(NO_SCREENS)
        this.stat.clear()
        if (!started) return resolve(false)
        if (this.closing) return
        this.logger.error(
          `order-rhythm: the screen thread stopped (exit code ${code}); starting it again in ${this.restartIn / 1000} s (the screens reconnect and catch up)`
        )
        this.restartLater()
      })
    })
  }

  private restartLater() {
    this.restartTimer = setTimeout(async () => {
      this.restartTimer = null
      if (this.closing) return
      this.restartIn = Math.min(this.restartIn * 2, RESTART_MAX_MS)
      if (!(await this.start()) && !this.closing) this.restartLater()
    }, this.restartIn)
    this.restartTimer.unref?.()
  }

  private heard(worker: Worker, message: FromSocketThread) {
    switch (message.t) {
      case "log":
        this.logger[message.level](message.message)
        break
      case "rooms":
        this.watched = new Set(message.rooms)
        break
      case "stats":
        this.stat.get(message.id)?.(message.value)
        this.stat.delete(message.id)
        break
      case "ask": {
        const answer = (this.access[message.method] as (...args: unknown[]) => Promise<unknown>)(...message.args)
        answer.then(
          (value) => post(worker, { t: "answer", id: message.id, ok: true, value }),
          (error) => post(worker, { t: "answer", id: message.id, ok: false, error: String(error?.stack ?? error) })
        )
        break
      }
    }
  }

  deliver(deltas: Delta[]) {
    // While the thread restarts there are no screens: they catch up from the room store.
    if (this.worker) post(this.worker, { t: "deliver", deltas })
  }

  cut(tokenId: string) {
    if (this.worker) post(this.worker, { t: "cut", tokenId })
  }

  watches(room: RoomName) {
    return this.watched.has(room)
  }

  rooms() {
    return [...this.watched]
  }

  stats(collect = false): Promise<SocketServerStats> {
    const worker = this.worker
    if (!worker) return Promise.resolve(NO_SCREENS)
    return new Promise((resolve) => {
      const id = this.nextStat++
      this.stat.set(id, resolve)
      post(worker, { t: "stats", id, collect })
    })
  }

  async close() {
    this.closing = true
    if (this.restartTimer) clearTimeout(this.restartTimer)
    const worker = this.worker
    if (!worker) return
    await new Promise<void>((done) => {
      const timer = setTimeout(done, CLOSE_MS)
      worker.on("message", (message: FromSocketThread) => message.t === "closed" && (clearTimeout(timer), done()))
      worker.once("exit", () => (clearTimeout(timer), done()))
      post(worker, { t: "close" })
    })
    await worker.terminate()
  }
}

function post(worker: Worker, message: ToSocketThread) {
  worker.postMessage(message)
}
