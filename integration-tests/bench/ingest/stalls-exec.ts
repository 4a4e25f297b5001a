/**
 * A `medusa exec` script: the plugin's backfill from scratch while the store trades (an order
 * event every 2 s, as a shop's), watching this process's event loop. Every stall longer than
 * STALL_MS (default 100) is printed with where the time went, from a CPU profile taken meanwhile:
 * the functions most often at the top of the stack, and the plugin's or Medusa's frame nearest to
 * it. What a checkout would wait behind during a backfill. Prints `STALLS {...}` at the end.
 *   from integration-tests, with DATABASE_URL of a bench:ingest shop: npx medusa exec ./bench/ingest/stalls-exec.ts
 */
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { factTables } from "../lib/built-plugin"
import { startCpuProfile } from "../lib/cpu-profile"

const STALL_MS = Number(process.env.STALL_MS || 100)

export default async function stalls({ container }: ExecArgs) {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
  await knex.raw(`truncate ${factTables().join(", ")}`)
  await knex.raw(`delete from order_rhythm_state where key like 'reconcile%'`)
  const { reconcileOrders } = require("order-rhythm/workflows")
  const { ingestSoon } = require("order-rhythm/workflows/batch/ingest-orders-soon")
  const trade = () => ingestSoon(container, { order_ids: [], fulfillment_ids: [], payment_ids: [] })
  await trade()

  const profiler = await startCpuProfile(500)
  // The profile's timestamps count from its start: taken here on performance.now()'s clock.
  const profileStartMs = performance.now()
  const found: Array<{ atMs: number; ms: number }> = []
  let last = performance.now()
  const watch = setInterval(() => {
    const t = performance.now()
    if (t - last > STALL_MS) found.push({ atMs: last, ms: t - last })
    last = t
  }, 5)
  const trading = setInterval(trade, 2000)
  const backfillStartedMs = performance.now()
  const result = await reconcileOrders(container, { fromScratch: true })
  const backfillMs = performance.now() - backfillStartedMs
  clearInterval(trading)
  clearInterval(watch)
  const profile = await profiler.stop()

  const nodes = new Map<number, any>(profile.nodes.map((n: any) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  let ts = profile.startTime
  const samples = profile.samples.map((id: number, i: number) => {
    ts += profile.timeDeltas[i]
    return { id, atMs: profileStartMs + (ts - profile.startTime) / 1000 }
  })
  const frame = (id: number) => {
    const f = nodes.get(id).callFrame
    return `${f.functionName || "(anonymous)"} ${f.url.replace(/.*node_modules\//, "").replace(/.*\/\.medusa\/server\//, "order-rhythm/")}:${f.lineNumber + 1}`
  }
  const ours = (id: number) => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const url = nodes.get(at).callFrame.url as string
      if (url.includes("/.medusa/server/") || url.includes("order-rhythm")) return frame(at)
    }
    return "(none of the plugin's frames)"
  }
  const report = found.map((stall) => {
    const inside = samples.filter((s: any) => s.atMs >= stall.atMs && s.atMs <= stall.atMs + stall.ms)
    const count = (key: (id: number) => string) => {
      const c = new Map<string, number>()
      for (const s of inside) c.set(key(s.id), (c.get(key(s.id)) ?? 0) + 1)
      return [...c].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([k, n]) => `${Math.round((100 * n) / Math.max(1, inside.length))}% ${k}`)
    }
    return { at_s: +((stall.atMs - backfillStartedMs) / 1000).toFixed(2), ms: Math.round(stall.ms), top: count(frame), plugin: count(ours) }
  })
  for (const r of report) console.log(`STALL at ${r.at_s} s: ${r.ms} ms\n  top: ${r.top.join(" | ")}\n  plugin: ${r.plugin.join(" | ")}`)
  const ms = found.map((s) => s.ms).sort((a, b) => a - b)
  console.log(`STALLS ${JSON.stringify({ orders: result.processed, backfill_s: +(backfillMs / 1000).toFixed(1), stalls_over_ms: STALL_MS, count: ms.length, max_ms: Math.round(ms[ms.length - 1] ?? 0) })}`)
}
