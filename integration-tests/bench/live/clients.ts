/**
 * The bench's client process: up to 1,000 wall screens, each a real socket.io-client
 * (tests/helpers/live-client.ts' LiveScreen, which applies the snapshot and the deltas in
 * sequence). It is a process of its own, apart from the shopper and the server.
 *
 * A screen "holds" an order when the `delta` of room `wall`, topic `ticker`, key `latest` (the
 * list of ids, sent after the entries it names) carrying that order id has been applied: the timestamp is taken in a listener registered
 * after LiveScreen's own, so it runs once the value is in the screen's state. All processes
 * stamp with the same machine clock (rpc.ts `now`).
 */
import { LiveScreen } from "../../tests/helpers/live-client"
import { now, serve } from "./rpc"

type Tracked = {
  screen: LiveScreen
  seen: Set<string>
  burst: { count: number; last: number; lastSeq: number; times: number[] }
}

let mode: "off" | "latency" | "burst" = "off"
const screens: Tracked[] = []
/** orderId -> when each screen first held it (latency mode). */
const arrivals = new Map<string, number[]>()
let latestDelta = 0
/** What the first screen received, per topic.key (latency mode): the bytes a wall pays per order. */
const traffic = new Map<string, { deltas: number; bytes: number }>()
let messages = 0

function track(screen: LiveScreen): Tracked {
  const tracked: Tracked = { screen, seen: new Set(), burst: { count: 0, last: 0, lastSeq: 0, times: [] } }
  screen.socket.on("snapshot", (snapshot: any) => {
    for (const id of snapshot.rooms?.wall?.ticker?.latest?.ids ?? []) tracked.seen.add(id)
  })
  // A message carries one or more deltas; the burst counts messages, the latency each delta.
  screen.socket.on("delta", (...deltas: any[]) => {
    const at = now()
    latestDelta = at
    // LiveScreen keeps every delta and message; the bench needs none of them (1,000 screens
    // holding a burst's messages ran the process out of heap).
    screen.deltas.length = 0
    screen.messages.length = 0
    if (mode === "latency" && tracked === screens[0]) messages++
    if (mode === "burst") {
      tracked.burst.count++
      tracked.burst.last = at
      tracked.burst.lastSeq = deltas[deltas.length - 1]?.seq ?? tracked.burst.lastSeq
      tracked.burst.times.push(at)
    }
    for (const delta of deltas) take(delta, at)
  })
  const take = (delta: any, at: number) => {
    if (mode === "latency" && tracked === screens[0]) {
      const kind = `${delta.topic}.${delta.key.replace(/#.*$/, "#i")}`
      const tally = traffic.get(kind) ?? { deltas: 0, bytes: 0 }
      tally.deltas++
      tally.bytes += JSON.stringify(delta).length
      traffic.set(kind, tally)
    }
    if (delta.room !== "wall" || delta.topic !== "ticker" || delta.key !== "latest") return
    for (const id of (delta.data?.ids as string[]) ?? []) {
      if (tracked.seen.has(id)) continue
      tracked.seen.add(id)
      if (mode === "latency") {
        let list = arrivals.get(id)
        if (!list) arrivals.set(id, (list = []))
        list.push(at)
      }
    }
  }
  return tracked
}

const ordersOf = (t: Tracked) => (t.screen.state.wall?.totals?.today as any)?.orders ?? 0

serve({
  now: () => now(),
  /** Opens screens until `total` are connected, `batch` handshakes at a time. */
  connect: async ({ port, token, total, batch = 50 }: { port: number; token: string; total: number; batch?: number }) => {
    const started = now()
    while (screens.length < total) {
      const group = Array.from({ length: Math.min(batch, total - screens.length) }, () => track(new LiveScreen(port, token)))
      screens.push(...group)
      await Promise.all(group.map((t) => t.screen.connected()))
    }
    return { connected: screens.filter((t) => t.screen.socket.connected).length, ms: now() - started }
  },
  mode: ({ to }: { to: typeof mode }) => {
    mode = to
    if (to === "burst") for (const t of screens) t.burst = { count: 0, last: 0, lastSeq: 0, times: [] }
    return true
  },
  /** When each screen first held each of these orders; forgets them afterwards. */
  collect: ({ orderIds, forget }: { orderIds: string[]; forget?: boolean }) => {
    const out: Record<string, number[]> = {}
    for (const id of orderIds) {
      out[id] = arrivals.get(id) ?? []
      if (forget) arrivals.delete(id)
    }
    return { screens: screens.length, arrivals: out }
  },
  /** The first screen's deltas and bytes per topic.key since the last call, and this process's CPU time. */
  traffic: () => {
    const out = { perKey: Object.fromEntries(traffic), messages, cpu: process.cpuUsage() }
    traffic.clear()
    messages = 0
    return out
  },
  status: () => {
    const orders = screens.map(ordersOf)
    const seqs = screens.map((t) => t.screen.seqs.wall ?? 0)
    return {
      screens: screens.length,
      connected: screens.filter((t) => t.screen.socket.connected).length,
      minOrders: Math.min(...orders),
      maxOrders: Math.max(...orders),
      minSeq: Math.min(...seqs),
      maxSeq: Math.max(...seqs),
      gaps: screens.reduce((n, t) => n + t.screen.gaps.length, 0),
      quietMs: latestDelta ? now() - latestDelta : Infinity,
    }
  },
  /** Per screen: deltas received since burst mode began, when the last one came; and 1-s bins from `from`. */
  burstReport: ({ from }: { from: number }) => {
    const bins: number[] = []
    for (const t of screens) {
      for (const at of t.burst.times) {
        const bin = Math.floor((at - from) / 1000)
        if (bin >= 0) bins[bin] = (bins[bin] ?? 0) + 1
      }
    }
    return {
      screens: screens.map((t) => ({ count: t.burst.count, last: t.burst.last, lastSeq: t.burst.lastSeq, orders: ordersOf(t) })),
      perSecondPerScreen: Array.from(bins, (n) => (n ?? 0) / screens.length),
    }
  },
  closeAll: async () => {
    for (const t of screens.splice(0)) t.screen.close()
    return true
  },
})

process.on("disconnect", () => process.exit(0))
