import type { client } from "./rpc"

type Caller = ReturnType<typeof client>

/**
 * Several screen processes (bench/live/clients.ts) answering as one: the screens are shared out
 * among them, and their answers merged. One process takes each message on its screens one after
 * another (~70 us each on a 2-core test machine), so with 1,000 screens in one process the last
 * gets it ~65 ms after the first, before the server counts at all; walls are separate machines
 * that take it side by side. BENCH_LIVE_CLIENT_PROCESSES sets how many (default 1).
 */
export function clientGroup(callers: Caller[]): Caller {
  const all = <T>(cmd: string, args?: unknown, timeoutMs?: number) => Promise.all(callers.map((call) => call<T>(cmd, args, timeoutMs)))
  const group = async (cmd: string, args?: any, timeoutMs?: number): Promise<any> => {
    switch (cmd) {
      case "connect": {
        // Screen i goes to process i mod n: the first screen, whose traffic is tallied, to the first.
        const shares = callers.map((_, i) => Math.floor(args.total / callers.length) + (i < args.total % callers.length ? 1 : 0))
        const done = await Promise.all(callers.map((call, i) => call<{ connected: number; ms: number }>(cmd, { ...args, total: shares[i] }, timeoutMs)))
        return { connected: done.reduce((n, d) => n + d.connected, 0), ms: Math.max(...done.map((d) => d.ms)) }
      }
      case "collect": {
        const parts = await all<{ screens: number; arrivals: Record<string, number[]> }>(cmd, args, timeoutMs)
        const arrivals: Record<string, number[]> = {}
        for (const id of args.orderIds) arrivals[id] = parts.flatMap((p) => p.arrivals[id] ?? [])
        return { screens: parts.reduce((n, p) => n + p.screens, 0), arrivals }
      }
      case "traffic": {
        const parts = await all<{ perKey: unknown; messages: number; cpu: NodeJS.CpuUsage }>(cmd, args, timeoutMs)
        const cpu = parts.reduce((sum, p) => ({ user: sum.user + p.cpu.user, system: sum.system + p.cpu.system }), { user: 0, system: 0 })
        return { ...parts[0], cpu }
      }
      case "status": {
        const parts = await all<any>(cmd, args, timeoutMs)
        const sum = (key: string) => parts.reduce((n, p) => n + p[key], 0)
        return {
          screens: sum("screens"),
          connected: sum("connected"),
          gaps: sum("gaps"),
          minOrders: Math.min(...parts.map((p) => p.minOrders)),
          maxOrders: Math.max(...parts.map((p) => p.maxOrders)),
          minSeq: Math.min(...parts.map((p) => p.minSeq)),
          maxSeq: Math.max(...parts.map((p) => p.maxSeq)),
          quietMs: Math.min(...parts.map((p) => p.quietMs)),
        }
      }
      case "burstReport": {
        const parts = await all<{ screens: any[]; perSecondPerScreen: number[] }>(cmd, args, timeoutMs)
        const screens = parts.flatMap((p) => p.screens)
        const bins = Math.max(...parts.map((p) => p.perSecondPerScreen.length))
        // Each process's per-screen rate weighed by its screens.
        const perSecondPerScreen = Array.from(
          { length: bins },
          (_, b) => parts.reduce((sum, p) => sum + (p.perSecondPerScreen[b] ?? 0) * p.screens.length, 0) / Math.max(1, screens.length)
        )
        return { screens, perSecondPerScreen }
      }
      case "now":
        return callers[0]("now", args, timeoutMs)
      default:
        // mode, closeAll: every process alike.
        return (await all(cmd, args, timeoutMs))[0]
    }
  }
  return group as Caller
}
