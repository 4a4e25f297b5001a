/**
 * The bench's floor: a bare Socket.IO server in a process of its own, with no Medusa and no
 * plugin, that streams the wall's two messages per order (the ticker entry with the list of
 * ids, then ~4 KB of figures) to the same client processes, the same way (namespace, room,
 * snapshot then deltas in seq). What a screen waits from its emit to holding the order is what
 * Socket.IO and this machine cost for that many screens, before any of our work: the
 * transport's share of bench:live's latency, measured in the same run.
 */
import { createServer } from "node:http"
import { Server } from "socket.io"
import { LIVE_NAMESPACE } from "../../../plugin/src/lib/live"
import { now, serve } from "./rpc"

/** The figures that follow an order's ticker, as a wall receives them (bench:live's per-key bytes). */
const FIGURE_BYTES = [1560, 565, 378, 259, 259, 254, 226, 160]
/** How long after the ticker the figures go out (the recount that follows an order's write). */
const FIGURES_AFTER_MS = 25

const http = createServer()
const io = new Server(http, { serveClient: false })
const nsp = io.of(LIVE_NAMESPACE)
let seq = 0
let ids: string[] = []

nsp.on("connection", (socket) => {
  socket.join("wall")
  socket.emit("snapshot", { seqs: { wall: seq }, at: new Date().toISOString(), timezone: "UTC", rooms: { wall: { ticker: { latest: { ids } } } } })
})

const delta = (topic: string, key: string, data: unknown) => ({ room: "wall", seq: ++seq, topic, key, data })

serve({
  now: () => now(),
  listen: () => new Promise<number>((resolve) => http.listen(0, "127.0.0.1", () => resolve((http.address() as { port: number }).port))),
  sockets: () => nsp.sockets.size,
  /** Streams `count` orders at `perSecond`; returns when each order's ticker message was emitted. */
  stream: async ({ count, perSecond }: { count: number; perSecond: number }) => {
    const begin = now()
    const emitted: Array<{ id: string; at: number }> = []
    for (let i = 0; i < count; i++) {
      const wait = begin + (i * 1000) / perSecond - now()
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
      const id = `order_floor_${Date.now().toString(36)}_${i}`
      ids = [id, ...ids].slice(0, 10)
      const entry = { orderId: id, displayId: 1000 + i, channelId: "sc_floor", items: 2, amount: { currency: "cny", value: 168 }, placedAt: new Date().toISOString() }
      const at = now()
      nsp.to("wall").emit("delta", delta("ticker", `latest#${id}`, entry), delta("ticker", "latest", { ids }))
      emitted.push({ id, at })
      setTimeout(() => {
        nsp.to("wall").emit("delta", ...FIGURE_BYTES.map((bytes, k) => delta("rhythm", `floor${k}`, { pad: "x".repeat(bytes - 40) })))
      }, FIGURES_AFTER_MS)
    }
    return emitted
  },
  stop: () => {
    io.close()
    setTimeout(() => process.exit(0), 200)
    return true
  },
})

process.on("disconnect", () => process.exit(0))
