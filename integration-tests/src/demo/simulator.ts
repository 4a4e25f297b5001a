import { DateTime } from "luxon"
import { httpClient } from "../clients/http-client"
import { Operator } from "../clients/operator"
import { placeOrder } from "../clients/shopper"
import type { SeededStore } from "../seed/store"
import { STORE_ZONE } from "./demand-curve"
import { storeView, type DemoStore } from "./store-view"
import {
  DAY,
  RefusedStock,
  applyStep,
  demandRate,
  drawBasket,
  drawChannel,
  drawShopper,
  groupByLocation,
  nextArrival,
  nextStep,
  seededRandom,
  simTime,
  trackOrder,
  type ChannelKey,
  type RegionKey,
  type SimClock,
  type Step,
  type TrackedOrder,
} from "./traffic"

/**
 * The demo's live traffic: shoppers place orders through the store API at the rate the
 * history's curve gives for the simulated hour, and an operator moves orders along through
 * the admin API (capture, fulfil, ship, deliver, now and then cancel or take a return).
 * What is pending lives in memory, keyed by order id; on start the open orders Medusa
 * already has (the history's newest, an earlier run's) are picked up and carried on.
 *
 * One failed call never stops it: it is logged with what failed; when the server cannot be
 * reached the simulator pauses, probes `/health` with a growing delay and goes on.
 */
export type SimulatorOptions = {
  baseUrl: string
  admin: { email: string; password: string }
  store: DemoStore
  /** Simulated hours per real hour. */
  speed: number
  log: (line: string) => void
  seed?: number
  /** How far back open orders are picked up on start (real time). */
  pickUpDays?: number
}

export type SimulatorStats = {
  placed: number
  captured: number
  fulfilled: number
  shipped: number
  delivered: number
  canceled: number
  returned: number
  failed: number
  /** Baskets the store refused for want of stock (not failures: the shelf is empty). */
  refused: number
}

export type Simulator = { stop(): Promise<void>; stats(): SimulatorStats }

type Pending = { order: TrackedOrder; step: Step; failures: number; retryAfter: number }

const TICK_MS = 1_000
const STEPS_PER_TICK = 10
const MAX_FAILURES = 3
const ORDER_FIELDS = [
  "id",
  "status",
  "created_at",
  "region_id",
  "sales_channel_id",
  "items.id",
  "items.quantity",
  "fulfillments.id",
  "fulfillments.created_at",
  "fulfillments.shipped_at",
  "fulfillments.delivered_at",
  "fulfillments.canceled_at",
  "fulfillments.location_id",
  "fulfillments.items.line_item_id",
  "fulfillments.items.quantity",
  "payment_collections.payments.captured_at",
  "payment_collections.payments.canceled_at",
  "returns.id",
].join(",")

export function startSimulator(options: SimulatorOptions): Simulator {
  const { store, log } = options
  const speed = options.speed > 0 ? options.speed : 1
  const api = httpClient(options.baseUrl.replace(/\/$/, ""))
  const headers: Record<string, string> = {}
  const operator = new Operator(api, headers)
  const random = seededRandom(options.seed ?? Date.now() % 2_147_483_647)
  const clock: SimClock = { startedAt: Date.now(), speed }
  const simNow = () => simTime(clock, Date.now())
  const views = storeViews(store)
  const refusedStock = new RefusedStock()
  const pending = new Map<string, Pending>()
  const stats: SimulatorStats = { placed: 0, captured: 0, fulfilled: 0, shipped: 0, delivered: 0, canceled: 0, returned: 0, failed: 0, refused: 0 }
  let shoppers: string[] = []
  let serial = 0

  let ready = false
  let down: { since: number; delay: number; retryAt: number } | null = null
  /** After a refused start (not an outage: the server answered), when to try again. */
  let startAgainAt = 0
  let stopped = false
  let nextArrivalAt: number | null = nextArrival(random, simNow())
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> = Promise.resolve()

  const describe = (error: any) => {
    const status = error?.response?.status
    const body = error?.response?.data
    const message = body?.message ?? error?.cause?.code ?? error?.message ?? String(error)
    return `${status ? `${status} ` : ""}${String(message).slice(0, 200)}`
  }
  /**
   * The server is down, restarting or wedged (not: it refused the call): no connection, one cut
   * mid-answer ("terminated"), or no answer within the client's timeout.
   */
  const unreachable = (error: any) =>
    error?.response
      ? error.response.status >= 502
      : (error instanceof TypeError && /fetch failed|terminated/i.test(error.message)) || error?.name === "TimeoutError"
  const serverDown = (what: string, error: any) => {
    if (!down) {
      log(`[simulator] server unreachable (${what}: ${describe(error)}); pausing, probing ${options.baseUrl}/health`)
      down = { since: Date.now(), delay: 1_000, retryAt: Date.now() + 1_000 }
    }
  }

  /** Calls the admin API, logging in again once if the token is refused. */
  const asAdmin = async <T>(call: () => Promise<T>): Promise<T> => {
    try {
      return await call()
    } catch (error: any) {
      if (error?.response?.status !== 401) throw error
      await login()
      return call()
    }
  }

  async function login() {
    const { data } = await api.post("/auth/user/emailpass", options.admin)
    headers.authorization = `Bearer ${data.token}`
  }

  async function start() {
    await login()
    shoppers = await knownShoppers()
    const picked = await pickUpOpenOrders()
    ready = true
    log(
      `[simulator] started at x${speed}: ${picked} open orders picked up, ${shoppers.length} known customers; ` +
        `now ${orderRate(simNow(), speed)}`
    )
  }

  /** The customers Medusa knows, newest first (the history's loyal ones come back). */
  async function knownShoppers(): Promise<string[]> {
    const emails: string[] = []
    for (let offset = 0; offset < 10_000; offset += 1_000) {
      const { data } = await asAdmin(() => api.get(`/admin/customers?fields=email&limit=1000&offset=${offset}`, { headers }))
      emails.push(...(data.customers as any[]).map((c) => c.email).filter(Boolean))
      if (data.customers.length < 1_000) break
    }
    return emails
  }

  async function pickUpOpenOrders(): Promise<number> {
    const since = new Date(Date.now() - (options.pickUpDays ?? 10) * DAY).toISOString()
    let picked = 0
    for (let offset = 0; ; offset += 100) {
      const { data } = await asAdmin(() =>
        api.get(
          `/admin/orders?fields=${ORDER_FIELDS}&created_at[$gte]=${encodeURIComponent(since)}&order=created_at&limit=100&offset=${offset}`,
          { headers }
        )
      )
      for (const raw of data.orders as any[]) {
        if (pending.has(raw.id)) continue
        const order = fromAdminOrder(raw, store)
        const step = order && nextStep(order, random)
        if (order && step) {
          pending.set(order.id, { order, step, failures: 0, retryAfter: 0 })
          picked++
        }
      }
      if (data.orders.length < 100) break
    }
    return picked
  }

  /** Reloads an order after a refused step, keeping its draws: Medusa's record wins. */
  async function reload(entry: Pending) {
    const { data } = await asAdmin(() => api.get(`/admin/orders/${entry.order.id}?fields=${ORDER_FIELDS}`, { headers }))
    const fresh = fromAdminOrder(data.order, store)
    if (!fresh) {
      pending.delete(entry.order.id)
      return
    }
    fresh.draws = entry.order.draws
    fresh.returnSettled = entry.order.returnSettled || (data.order.returns ?? []).length > 0
    const step = nextStep(fresh, random)
    if (step) pending.set(fresh.id, { ...entry, order: fresh, step })
    else pending.delete(fresh.id)
  }

  async function placeNext(at: number) {
    const { channel, region } = drawChannel(random, at)
    const lines = drawBasket(random, at, (sku) => !store.variants[sku] || refusedStock.isOut(sku, at))
    if (!lines.length) return
    const email = drawShopper(random, shoppers, ++serial)
    const skus = lines.map((line) => line.sku)
    try {
      const placed = await placeOrder(api, views[channel][region], lines, email)
      refusedStock.sold(skus)
      stats.placed++
      const order = trackOrder({
        id: placed.id,
        placedAt: simNow(),
        channel,
        region,
        lines: placed.items.map((item: any) => ({ id: item.id, quantity: Number(item.quantity) })),
      })
      const step = nextStep(order, random)
      if (step) pending.set(order.id, { order, step, failures: 0, retryAfter: 0 })
    } catch (error: any) {
      const body = error?.response?.data
      if (body?.code === "insufficient_inventory" || /required inventory/.test(String(body?.message))) {
        stats.refused++
        const out = refusedStock.refused(skus, at)
        log(`[simulator] out of stock: basket ${skus.join(" ")} refused${out.length ? `; leaving out ${out.join(" ")} for a day` : ""}`)
      } else if (unreachable(error)) {
        serverDown(`placing a ${channel}/${region} order`, error)
      } else {
        stats.failed++
        log(`[simulator] placing a ${channel}/${region} order (${skus.join(" ")}) failed: ${describe(error)}`)
      }
    }
  }

  async function runStep(entry: Pending) {
    const { order, step } = entry
    const at = simNow()
    switch (step.kind) {
      case "capture":
        await asAdmin(() => operator.capture(order.id))
        stats.captured++
        applyStep(order, step, at)
        break
      case "cancel":
        await asAdmin(() => operator.cancel(order.id))
        stats.canceled++
        applyStep(order, step, at)
        break
      case "fulfil": {
        const locations = await reservationLocations(step.items.map((item) => item.id))
        const created: Array<{ id: string; locationId?: string; items: Array<{ id: string; quantity: number }> }> = []
        for (const group of groupByLocation(step.items, (lineId) => locations.get(lineId))) {
          const id = await asAdmin(() => operator.fulfil(order.id, group.items, group.locationId))
          created.push({ id, locationId: group.locationId, items: group.items })
          stats.fulfilled++
        }
        applyStep(order, step, at, created)
        break
      }
      case "ship": {
        const f = order.fulfilments.find((x) => x.id === step.fulfilmentId)!
        await asAdmin(() => operator.ship(order.id, f.id, f.items))
        stats.shipped++
        applyStep(order, step, at)
        break
      }
      case "deliver":
        await asAdmin(() => operator.deliver(order.id, step.fulfilmentId))
        stats.delivered++
        applyStep(order, step, at)
        break
      case "return": {
        const f = order.fulfilments.find((x) => x.id === step.fulfilmentId)
        // Settled first: a return that half-went-through is never taken twice.
        applyStep(order, step, at)
        await asAdmin(() => operator.takeBack(order.id, f?.locationId ?? store.locations.shanghai.id, step.items))
        stats.returned++
        break
      }
    }
  }

  async function reservationLocations(lineIds: string[]): Promise<Map<string, string>> {
    const query = lineIds.map((id) => `line_item_id[]=${encodeURIComponent(id)}`).join("&")
    const { data } = await asAdmin(() =>
      api.get(`/admin/reservations?${query}&fields=id,line_item_id,location_id&limit=100`, { headers })
    )
    return new Map((data.reservations as any[]).map((r) => [r.line_item_id as string, r.location_id as string]))
  }

  async function tick() {
    if (down) {
      const outage = down
      if (Date.now() < outage.retryAt) return
      try {
        await api.get("/health")
        log(`[simulator] server back after ${Math.round((Date.now() - outage.since) / 1000)} s; going on`)
        down = null
        ready = false
        nextArrivalAt = nextArrival(random, simNow()) // shoppers while it was down went elsewhere
      } catch {
        outage.delay = Math.min(outage.delay * 2, 30_000)
        outage.retryAt = Date.now() + outage.delay
        return
      }
    }
    if (!ready) {
      if (Date.now() < startAgainAt) return
      try {
        await start()
      } catch (error) {
        if (unreachable(error)) serverDown("starting", error)
        else {
          stats.failed++
          log(`[simulator] starting failed: ${describe(error)}; trying again in 30 s`)
          startAgainAt = Date.now() + 30_000
        }
        return
      }
    }

    // Arrivals first: a backlog of lifecycle steps must not hold the shoppers up.
    for (let placedNow = 0; nextArrivalAt !== null && nextArrivalAt <= simNow() && placedNow < 5 && !down && !stopped; placedNow++) {
      const at = nextArrivalAt
      // Fell far behind (a slow server): the missed shoppers are gone, not queued.
      const behind = simNow() - at > 60_000 * speed
      nextArrivalAt = nextArrival(random, behind ? simNow() : at)
      if (!behind) await placeNext(at)
    }

    const now = simNow()
    const due = [...pending.values()]
      .filter((entry) => entry.step.at <= now && entry.retryAfter <= Date.now())
      .sort((a, b) => a.step.at - b.step.at)
      .slice(0, STEPS_PER_TICK)
    for (const entry of due) {
      if (down || stopped) break
      try {
        await runStep(entry)
        entry.failures = 0
        const step = nextStep(entry.order, random)
        if (step) entry.step = step
        else pending.delete(entry.order.id)
      } catch (error) {
        if (unreachable(error)) {
          serverDown(`${entry.step.kind} of order ${entry.order.id}`, error)
          break
        }
        stats.failed++
        entry.failures++
        const last = entry.failures >= MAX_FAILURES
        log(
          `[simulator] ${entry.step.kind} of order ${entry.order.id} failed: ${describe(error)}` +
            (last ? "; giving the order up" : "; reloading it and trying again in 30 s")
        )
        if (last) {
          pending.delete(entry.order.id)
          continue
        }
        entry.retryAfter = Date.now() + 30_000
        await reload(entry).catch((reloadError) => {
          if (unreachable(reloadError)) serverDown(`reloading order ${entry.order.id}`, reloadError)
        })
      }
    }
  }

  const loop = () => {
    if (stopped) return
    running = tick()
      .catch((error) => log(`[simulator] unexpected: ${error?.stack ?? error}`))
      .finally(() => {
        if (!stopped) timer = setTimeout(loop, TICK_MS)
      })
  }
  loop()

  const minutely = setInterval(() => {
    const s = stats
    log(
      `[simulator] ${DateTime.fromMillis(simNow(), { zone: STORE_ZONE }).toFormat("ccc dd LLL HH:mm")} x${speed} ` +
        `${orderRate(simNow(), speed)} | placed ${s.placed} captured ${s.captured} fulfilled ${s.fulfilled} shipped ${s.shipped} ` +
        `delivered ${s.delivered} canceled ${s.canceled} returned ${s.returned} refused ${s.refused} failed ${s.failed} | ` +
        `open ${pending.size}${down ? " | server down" : ""}`
    )
  }, 60_000)
  minutely.unref?.()

  return {
    async stop() {
      stopped = true
      clearTimeout(timer)
      clearInterval(minutely)
      await running
    },
    stats: () => ({ ...stats }),
  }
}

/** "4.2 orders/h simulated = 1.4/min real" at the simulated hour. */
export function orderRate(simMs: number, speed: number): string {
  const hourStart = DateTime.fromMillis(simMs, { zone: STORE_ZONE }).startOf("hour").toMillis()
  const perHour = demandRate(hourStart)
  return `${perHour.toFixed(1)} orders/h = ${((perHour * speed) / 60).toFixed(2)}/min real`
}

/** The shopper client's view of each channel and region. */
function storeViews(store: DemoStore): Record<ChannelKey, Record<RegionKey, SeededStore>> {
  return {
    web: { cn: storeView(store, "web", "cn"), hk: storeView(store, "web", "hk") },
    flagship: { cn: storeView(store, "flagship", "cn"), hk: storeView(store, "flagship", "hk") },
  }
}

/**
 * An order as the admin API returns it, as the simulator tracks it; null for one that is
 * canceled, a draft or archived. Medusa's timestamps are real time; before the simulator's
 * start, real and simulated time agree.
 */
export function fromAdminOrder(raw: any, store: DemoStore): TrackedOrder | null {
  if (["canceled", "draft", "archived"].includes(raw.status)) return null
  const fulfilments = ((raw.fulfillments ?? []) as any[]).filter((f) => !f.canceled_at)
  const fulfilledOf = (lineId: string) =>
    fulfilments.flatMap((f) => f.items ?? []).filter((i: any) => i.line_item_id === lineId).reduce((sum: number, i: any) => sum + Number(i.quantity), 0)
  const payments = ((raw.payment_collections ?? []) as any[]).flatMap((c) => c.payments ?? []).filter((p: any) => !p.canceled_at)
  const time = (value: string | null | undefined) => (value ? new Date(value).getTime() : null)
  const order: TrackedOrder = {
    id: raw.id,
    placedAt: new Date(raw.created_at).getTime(),
    channel: raw.sales_channel_id === store.channels.flagship.id ? "flagship" : "web",
    region: raw.region_id === store.regions.hk.id ? "hk" : "cn",
    // No payment to capture (none made, or all canceled) is nothing to do.
    captured: !payments.length || payments.every((p: any) => p.captured_at),
    canceled: false,
    lines: ((raw.items ?? []) as any[]).map((item) => ({ id: item.id, quantity: Number(item.quantity), fulfilled: fulfilledOf(item.id) })),
    fulfilments: fulfilments.map((f) => ({
      id: f.id,
      at: time(f.created_at)!,
      shippedAt: time(f.shipped_at),
      deliveredAt: time(f.delivered_at),
      locationId: f.location_id ?? undefined,
      items: ((f.items ?? []) as any[]).map((i) => ({ id: i.line_item_id, quantity: Number(i.quantity) })),
    })),
    // An order picked up delivered has had its chance of a return already.
    returnSettled: (raw.returns ?? []).length > 0 || fulfilments.length > 0,
    draws: {},
  }
  return order
}
