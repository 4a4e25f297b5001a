import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { SMALL_CATALOGUE, seedStore, SeededStore, SeedProduct } from "../src/seed/store"
import { createAdmin, AdminSession } from "./helpers/admin"
import { placeOrder } from "../src/clients/shopper"
import { waitFor } from "./helpers/wait"
import { LiveScreen } from "./helpers/live-client"
import { joinRows } from "../../plugin/live-client/src/row-keys"

process.env.ORDER_RHYTHM_OPTIONS = JSON.stringify({ timezone: "Asia/Shanghai", socket: { port: 0 } })

const SHOP_B_CATALOGUE: SeedProduct[] = [
  { title: "Tea Tin", handle: "tea-tin", variants: [{ sku: "B-TEA", title: "Default", price: 9, stock: 500 }] },
]

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let shopA: SeededStore
    let shopB: SeededStore
    let admin: AdminSession
    let port: number
    const screens: LiveScreen[] = []
    const screen = (token: string | undefined, narrow: { channel?: string } = {}) => {
      const s = new LiveScreen(port, token, narrow)
      screens.push(s)
      return s
    }
    const newToken = async (scopes: string[], name = "Test wall") =>
      (await api.post("/admin/order-rhythm/display-tokens", { name, scopes }, { headers: admin.headers })).data.display_token

    beforeEach(async () => {
      shopA = await seedStore(getContainer(), {
        channelName: "Shop A",
        currency: "eur",
        countries: ["de"],
        locationName: "Berlin",
        products: SMALL_CATALOGUE,
      })
      shopB = await seedStore(getContainer(), {
        channelName: "Shop B",
        currency: "eur",
        countries: ["fr"],
        locationName: "Paris",
        products: SHOP_B_CATALOGUE,
      })
      admin = await createAdmin(getContainer(), api)
      port = (await (getContainer().resolve("orderRhythm") as any).live.port()) as number
    })

    afterEach(() => {
      for (const s of screens.splice(0)) s.close()
    })

    it("refuses a screen with no token, a wrong one, or a revoked one, and cuts a revoked token's open screens", async () => {
      expect(await screen(undefined).refused()).toMatchObject({ message: "no_token" })
      const wrong = await screen("ordt_not-a-real-token").refused()
      expect(wrong.message).toBe("bad_token")
      expect(wrong.data.message).toContain("not known")
      expect((await screen("eyJhbGciOiJIUzI1NiJ9.e30.bad").refused()).message).toBe("bad_token")

      const created = await newToken(["wall"])
      expect(created.token).toMatch(/^ordt_/)
      const listed = (await api.get("/admin/order-rhythm/display-tokens", { headers: admin.headers })).data.display_tokens
      expect(listed).toHaveLength(1)
      expect(listed[0].token).toBeUndefined()
      expect(JSON.stringify(listed)).not.toContain(created.token)

      const wall = screen(created.token)
      await wall.connected()
      expect(wall.snapshots[0].timezone).toBe("Asia/Shanghai")
      expect(Object.keys(wall.snapshots[0].rooms)).toEqual(["wall"])

      const cut = new Promise<number>((resolve) => {
        const started = Date.now()
        wall.socket.once("disconnect", () => resolve(Date.now() - started))
      })
      await api.delete(`/admin/order-rhythm/display-tokens/${created.id}`, { headers: admin.headers })
      expect(await cut).toBeLessThan(1000)
      const again = await screen(created.token).refused()
      expect(again.message).toBe("revoked_token")
    })

    it("rejects a token with unknown scopes, naming them", async () => {
      const response = await api
        .post("/admin/order-rhythm/display-tokens", { name: "x", scopes: ["walls"] }, { headers: admin.headers })
        .catch((error: any) => error.response)
      expect(response.status).toBe(400)
      expect(response.data.message).toContain('unknown scope "walls"')
    })

    it("streams an order placed through the store API to the walls that may see it, and only those", async () => {
      const tokenA = await newToken(["wall", `channel:${shopA.salesChannelId}`], "Shop A wall")
      const wallA = screen(tokenA.token)
      const storeWide = screen(admin.token)
      await Promise.all([wallA.connected(), storeWide.connected()])
      expect(Object.keys(wallA.state)).toEqual([`wall:channel:${shopA.salesChannelId}`])

      const forbidden = await screen(tokenA.token, { channel: shopB.salesChannelId }).refused()
      expect(forbidden.message).toBe("forbidden_scope")

      const orderB = await placeOrder(api, shopB, [{ sku: "B-TEA", quantity: 1 }])
      const orderA = await placeOrder(api, shopA, [{ sku: "KETTLE-1", quantity: 1 }])
      const tickerHas = (s: LiveScreen, room: string, orderId: string) => s.ticker(room).some((entry) => entry.orderId === orderId)

      await waitFor(async () => tickerHas(wallA, `wall:channel:${shopA.salesChannelId}`, orderA.id), 10_000, "shop A's order on shop A's wall")
      await waitFor(async () => tickerHas(storeWide, "wall", orderB.id) && tickerHas(storeWide, "wall", orderA.id), 10_000, "both orders on the store-wide wall")

      const seenByA = JSON.stringify(wallA.deltas) + JSON.stringify(wallA.snapshots)
      expect(seenByA).not.toContain(orderB.id)
      const entry = wallA.ticker(`wall:channel:${shopA.salesChannelId}`).find((e) => e.orderId === orderA.id)
      expect(entry).toMatchObject({ displayId: orderA.display_id, units: 1, amount: 64.5, currency: "eur", items: [{ title: "Pour-over Kettle · Default", quantity: 1 }] })
      // No customer on a wall: not the shopper's email, not their name.
      expect(seenByA).not.toContain("shopper@example.com")
      expect(seenByA).not.toContain("Ada")
      // The ticker shows an order before its facts are written; today's totals follow the write.
      const roomA = `wall:channel:${shopA.salesChannelId}`
      await waitFor(async () => (wallA.state[roomA].totals.today as any).orders === 1, 10_000, "shop A's totals")
      expect(wallA.state[roomA].totals.today).toMatchObject({ orders: 1, units: 1, revenue: { eur: 64.5 } })
      // The recount after the write came as one message, the rhythm with it, in rows: the order
      // changed one weekday of the heat map, and the rows join into the heat map the API gives.
      const recounted = wallA.messages.find((message) => message.some((d) => d.topic === "totals" && (d.data as any).orders === 1))!
      const heatRows = recounted.filter((d) => d.topic === "rhythm" && d.key.startsWith("heatMap#"))
      expect(heatRows).toHaveLength(1)
      expect(recounted.every((d) => d.room === roomA)).toBe(true)
      const joined = joinRows(wallA.state[roomA].rhythm) as any
      const api_ = (await api.get(`/admin/order-rhythm/rhythm?sales_channel_id=${shopA.salesChannelId}`, { headers: admin.headers })).data.rhythm
      const totals = (heatMap: any) => heatMap.cells.map((row: any[]) => row.map((cell) => cell.total))
      expect(totals(joined.heatMap)).toEqual(totals(api_.heatMap))
      expect(totals(joined.heatMap).flat().reduce((a: number, b: number) => a + b, 0)).toBe(1)
      expect(joined.series.length).toBeGreaterThanOrEqual(48)
      expect(joined.series.reduce((sum: number, point: any) => sum + point.orders, 0)).toBe(1)
      // The early ticker was the one the stored facts give: the recount after the write sent no
      // other. It sent the order's own entry, then the list of ids that names it, nothing more.
      const tickerDeltasWithA = wallA.deltas.filter((d) => d.topic === "ticker" && JSON.stringify(d.data).includes(orderA.id))
      expect(tickerDeltasWithA.map((d) => d.key)).toEqual([`latest#${orderA.id}`, "latest"])
      const late = screen(tokenA.token)
      await late.connected()
      expect(late.state[roomA].ticker).toEqual(wallA.state[roomA].ticker)
      expect(late.ticker(roomA).map((e) => e.orderId)).toEqual([orderA.id])
    })

    it("serves the screens from a thread of their own, and starts it again on the same port when it dies", async () => {
      const token = await newToken(["wall"])
      const wall = screen(token.token)
      await wall.connected()
      const live = await (getContainer().resolve("orderRhythm") as any).live.stream
      // The sockets are not in the main thread: its event loop serves checkouts and ingests orders.
      expect(await live.screens.stats()).toMatchObject({ sockets: 1, inThread: true })

      const cut = new Promise<void>((resolve) => wall.socket.once("disconnect", () => resolve()))
      await live.screens.worker.terminate()
      await cut
      // Sold while no screen can be reached: the hub still counts it.
      const order = await placeOrder(api, shopA, [{ sku: "KETTLE-1", quantity: 1 }])
      await waitFor(
        async () => (await fetch(`http://localhost:${port}/health`).then((r) => r.ok).catch(() => false)),
        15_000,
        "the screen thread back on its port"
      )
      await wall.reconnect()
      await waitFor(async () => wall.ticker().some((entry) => entry.orderId === order.id), 10_000, "the order on the reconnected screen")
      // Caught up by a replay of what it missed, not a second full snapshot, and without a gap.
      expect(Object.keys(wall.snapshots[1].rooms)).toEqual([])
      await waitFor(async () => (wall.state.wall.totals.today as any).orders === 1, 10_000, "today's totals")
      const fresh = screen(token.token)
      await fresh.connected()
      expect(wall.gaps).toEqual([])
      expect(wall.seqs.wall).toBe(fresh.seqs.wall)
      expect(wall.state.wall).toEqual(fresh.state.wall)
    })

    it("ends a disconnect during a burst with exactly the server's values and no gap", async () => {
      const container = getContainer()
      const token = await newToken(["wall"])
      const wall = screen(token.token)
      await wall.connected()

      const { createOrderWorkflow } = require("@medusajs/medusa/core-flows")
      const ids: string[] = []
      for (let i = 0; i < 24; i++) {
        const { result } = await createOrderWorkflow(container).run({
          input: {
            region_id: shopA.regionId,
            sales_channel_id: shopA.salesChannelId,
            email: `burst${i}@example.com`,
            currency_code: "eur",
            items: [{ variant_id: shopA.variants["FILTER-100"].id, quantity: 1 + (i % 3) }],
          },
        })
        ids.push(result.id)
      }
      const eventBus = container.resolve(Modules.EVENT_BUS)
      const emit = (slice: string[]) => eventBus.emit(slice.map((id) => ({ name: "order.placed", data: { id } })))

      await emit(ids.slice(0, 8))
      await waitFor(async () => wall.deltas.length > 0, 10_000, "the first deltas of the burst")
      wall.socket.disconnect()
      await emit(ids.slice(8, 16))
      await new Promise((resolve) => setTimeout(resolve, 300))
      await wall.reconnect()
      await emit(ids.slice(16))

      const fresh = () => {
        const s = screen(token.token)
        return s.connected().then(() => s)
      }
      const settled = await waitFor(
        async () => {
          const now = await fresh()
          const totals = now.state.wall?.totals?.today as any
          return totals?.orders === 24 ? now : null
        },
        20_000,
        "the burst to be counted"
      )
      await new Promise((resolve) => setTimeout(resolve, 400))
      const truth = await fresh()
      expect(wall.gaps).toEqual([])
      expect(wall.seqs.wall).toBe(truth.seqs.wall)
      expect(wall.state.wall).toEqual(truth.state.wall)
      expect((wall.state.wall.totals.today as any).orders).toBe(24)
      // The reconnect was a replay of what it missed, not a second full snapshot.
      expect(Object.keys(wall.snapshots[1].rooms)).toEqual([])
      // A screen that joined once the burst was counted saw the same totals: 24 orders of 1, 2 and 3 packs.
      const units = ids.reduce((sum, _, i) => sum + 1 + (i % 3), 0)
      expect(units).toBe(48)
      const { asOf, ...counted } = (settled.state.wall.totals as any).today
      expect(counted).toMatchObject({ orders: 24, units, revenue: { eur: units * shopA.variants["FILTER-100"].price } })
      const { asOf: _truthAsOf, ...truthCounted } = (truth.state.wall.totals as any).today
      expect(counted).toEqual(truthCounted)
      expect(Date.parse(asOf)).not.toBeNaN()
    })
  },
})
