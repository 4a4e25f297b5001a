import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { DateTime } from "luxon"
import type { SeededStore } from "../src/seed/store"
import { seedWebShop } from "./helpers/store"
import { createAdmin, AdminSession } from "./helpers/admin"
import { LiveScreen } from "./helpers/live-client"
import { waitFor } from "./helpers/wait"
import { forecastSeries, leadTimeDemand, naiveScale } from "../../plugin/src/lib/forecast"
import { insertPoints } from "../../plugin/src/modules/order-rhythm/forecast/forecast-store"

const TIMEZONE = "America/New_York"
/**
 * The weekly selection night is put the day after tomorrow, whatever today is: tomorrow's night is
 * then always a refit and the night after always a selection, so the test asserts both every day.
 */
const SELECTION_NIGHT = DateTime.now().setZone(TIMEZONE).plus({ days: 2 })
process.env.ORDER_RHYTHM_OPTIONS = JSON.stringify({
  timezone: TIMEZONE,
  socket: { port: 0 },
  leadTimeDays: 5,
  serviceLevel: 0.9,
  forecast: { selectionWeekday: SELECTION_NIGHT.weekday },
})

/** Five weeks of a weekly rhythm with a little deterministic noise; Sundays sometimes sell nothing. */
const HISTORY_DAYS = 35
const units = (k: number) => [3, 4, 4, 5, 7, 10, 1][k % 7] + ((k * 7919) % 3) - (k % 7 === 6 ? 1 : 0)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let store: SeededStore
    let admin: AdminSession
    const now = () => DateTime.now().setZone(TIMEZONE)

    beforeEach(async () => {
      store = await seedWebShop(getContainer(), { locationName: "Berlin" })
      admin = await createAdmin(getContainer(), api)
    })

    /** One backdated order per day at local noon, made through the Order module (it emits nothing). */
    async function seedHistory(variantId: string) {
      const start = now().startOf("day").minus({ days: HISTORY_DAYS })
      const days = Array.from({ length: HISTORY_DAYS }, (_, k) => ({ at: start.plus({ days: k }).set({ hour: 12 }), quantity: units(k) }))
      const orders = getContainer().resolve(Modules.ORDER)
      const order = (at: DateTime, quantity: number) => ({
        currency_code: "eur",
        region_id: store.regionId,
        sales_channel_id: store.salesChannelId,
        email: "history@example.com",
        items: [{ title: "Espresso Beans", quantity, unit_price: 12, variant_id: variantId }],
        created_at: at.toJSDate(),
      })
      // today's order must not reach the series: the day is not over
      const todayOrder = order(now().startOf("day").plus({ minutes: 1 }), 50)
      await orders.createOrders([...days.filter((d) => d.quantity > 0).map((d) => order(d.at, d.quantity)), todayOrder] as any)
      await api.post("/admin/order-rhythm/reconcile", {}, { headers: admin.headers })
      return days.map((d) => d.quantity)
    }

    const h = () => ({ headers: admin.headers })
    const getForecasts = (query: string) => api.get(`/admin/order-rhythm/forecasts?${query}`, h())
    const failure = async (request: Promise<unknown>) => {
      try {
        await request
      } catch (error: any) {
        return { status: error.response?.status, message: String(error.response?.data?.message) }
      }
      throw new Error("the request succeeded")
    }

    it("forecasts a seeded variant exactly as the engine does on the same series, and tracks it as days close", async () => {
      const beans = store.variants["BEANS-250"]
      const series = await seedHistory(beans.id)
      expect((await getForecasts(`variant_id=${beans.id}`)).data.forecasts).toEqual([])

      const { data } = await api.post("/admin/order-rhythm/forecasts/recompute", { variant_id: beans.id }, h())
      expect(data.recompute).toMatchObject({ kind: "select", series: 1, fitted: 1, failed: 0 })

      const forecasts = (await getForecasts(`variant_id=${beans.id}&location_id=&horizon=14`)).data.forecasts
      expect(forecasts).toHaveLength(1)
      const [f] = forecasts
      const engine = forecastSeries(series, { horizon: 28, season: 7, levels: [0, 50, 80, 95] })
      const today = now().toISODate()!
      expect(f).toMatchObject({ variant_id: beans.id, location_id: "", model: engine.model, members: engine.members })
      expect(f.series).toEqual({ first_date: now().minus({ days: HISTORY_DAYS }).toISODate(), last_date: now().minus({ days: 1 }).toISODate() })
      expect(f.forecast).toHaveLength(14)
      expect(f.forecast[0].date).toBe(today)
      expect(f.forecast.map((d: any) => d.mean)).toEqual(engine.mean.slice(0, 14))
      for (const q of engine.quantiles) expect(f.forecast.map((d: any) => d.quantiles[String(q.p)])).toEqual(q.values.slice(0, 14))
      expect(f.accuracy.mase).toBeCloseTo(engine.accuracy.mase, 5)
      expect(f.accuracy.pairs).toBe(engine.accuracy.pairs)
      const ltd = leadTimeDemand(engine.mean, engine.profile, 5, engine.intermittent)
      expect(f.lead_time).toMatchObject({ days: 5, serviceLevel: 0.9, mean: ltd.mean, atServiceLevel: ltd.quantile(0.9) })
      // the engine's demand quantiles (50..99%) per day and of the total over days 1..h, for the inventory policy
      expect(f.quantiles.levels).toEqual([0.5, 0.8, 0.9, 0.95, 0.98, 0.99])
      expect(f.quantiles.daily.slice(0, 14)).toEqual(engine.demand.daily.slice(0, 14))
      expect(f.quantiles.cumulative.slice(0, 14)).toEqual(engine.demand.cumulative.slice(0, 14))
      expect(f.tracking.h1.pairs).toBe(0)

      // The wall's expected intake for today is the forecast's total in orders (one order per unit-day here).
      const rhythm = (await api.get("/admin/order-rhythm/rhythm", h())).data.rhythm
      const expectedToday = rhythm.today.hours.reduce((s: number, hour: any) => s + hour.expected, 0)
      const ordersPerUnit = (series.filter((q) => q > 0).length + 1) / (series.reduce((a, b) => a + b, 0) + 50)
      expect(expectedToday).toBeCloseTo(engine.mean[0] * ordersPerUnit, 3)

      // Yesterday's forecast, made the night before: fitted through the day before yesterday.
      const module = getContainer().resolve("orderRhythm") as any
      await module.forecasts.recompute({ kind: "select", now: now().minus({ days: 1 }).set({ hour: 12 }).toJSDate() })
      const before = forecastSeries(series.slice(0, -1), { horizon: 28, season: 7 })

      // A screen on the inventory room sees the tracking move when yesterday is folded in and scored.
      const port = (await module.live.port()) as number
      const token = (await api.post("/admin/order-rhythm/display-tokens", { name: "stock room", scopes: ["inventory"] }, h())).data.display_token.token
      const screen = new LiveScreen(port, token)
      const liveTracking = () => (screen.state.inventory as any)?.forecast?.tracking
      try {
        await screen.connected()
        expect(liveTracking().h1.pairs).toBe(0)
        // A late order for yesterday lands: its variant's closed day is folded in by the ingest
        // itself (no refit, no job), and scored.
        await getContainer()
          .resolve(Modules.ORDER)
          .createOrders([
            {
              currency_code: "eur",
              region_id: store.regionId,
              sales_channel_id: store.salesChannelId,
              email: "late@example.com",
              items: [{ title: "Espresso Beans", quantity: 3, unit_price: 12, variant_id: beans.id }],
              created_at: now().minus({ days: 1 }).set({ hour: 18 }).toJSDate(),
            } as any,
          ])
        await api.post("/admin/order-rhythm/reconcile", {}, h())
        await waitFor(async () => liveTracking()?.h1.pairs === 1, 10_000, "the live tracking of yesterday")
        expect(await module.forecasts.foldClosedDays()).toEqual({ variants: 0, days: 0 })
        const yesterday = series[series.length - 1] + 3
        const scale = naiveScale(series.slice(0, -1), 7)
        expect(liveTracking().h1.mase).toBeCloseTo(Math.abs(yesterday - before.mean[0]) / scale, 4)
        expect(liveTracking().h1.bias).toBeCloseTo((before.mean[0] - yesterday) / yesterday, 4)
        expect(liveTracking().leadTime.pairs).toBe(0)
        expect(liveTracking().byDay).toEqual([expect.objectContaining({ date: now().minus({ days: 1 }).toISODate() })])
      } finally {
        screen.close()
      }
      // The API now forecasts from the folded state, still starting today.
      const folded = (await getForecasts(`variant_id=${beans.id}&location_id=&horizon=3`)).data.forecasts[0]
      expect(folded.series.last_date).toBe(now().minus({ days: 1 }).toISODate())
      expect(folded.forecast[0].date).toBe(today)
      expect(folded.tracking.h1.pairs).toBe(1)

      // Tomorrow, today's 50 units close and are scored against the forecast made from yesterday.
      const tomorrow = now().plus({ days: 1 }).set({ hour: 1 }).toJSDate()
      expect(await module.forecasts.foldClosedDays({ now: tomorrow })).toEqual({ variants: 1, days: 1 })
      const tracking = await module.forecasts.tracking(undefined, tomorrow)
      expect(tracking.h1.pairs).toBe(2)
      const { rows } = await dbConnection.raw(
        "select horizon, target_date, actual, in_stock from order_rhythm_forecast_point where variant_id = ? and target_date = ? order by horizon",
        [beans.id, today]
      )
      expect(rows[0]).toMatchObject({ horizon: 1, target_date: today, actual: 50, in_stock: null })
      const points = (await dbConnection.raw("select horizon, target_date from order_rhythm_forecast_point where variant_id = ?", [beans.id])).rows
      expect(points.map((r: any) => [r.horizon, r.target_date])).toContainEqual([5, now().plus({ days: 5 }).toISODate()])
    })

    it("runs the selection once when none was ever made, then the refit in the store's night, once, and the selection on its weekday", async () => {
      const beans = store.variants["BEANS-250"]
      await seedHistory(beans.id)
      const module = getContainer().resolve("orderRhythm") as any
      const status = async () => (await api.get("/admin/order-rhythm/status", h())).data.status.forecasts
      const beansState = async () =>
        (await dbConnection.raw("select model, last_date, selected_at, fitted_at from order_rhythm_forecast_state where variant_id = ? and location_id = ''", [beans.id])).rows[0]
      const schedule = async () => (await dbConnection.raw("select value from order_rhythm_state where key = 'forecast_schedule'")).rows[0].value
      expect(await status()).toEqual({ series: 0, last_fitted_at: null, last_selected_at: null })
      const noon = now().set({ hour: 12 }).toJSDate()
      expect(await module.forecasts.runNightIfDue(noon)).toMatchObject({ kind: "select", fitted: 1 })
      expect(await module.forecasts.runNightIfDue(noon)).toBeNull()
      // tomorrow at 03:30 New York time (08:30 UTC in winter, 07:30 in summer): not the selection weekday, so the refit
      const night = now().plus({ days: 1 }).set({ hour: 3, minute: 30 })
      expect(night.weekday).not.toBe(SELECTION_NIGHT.weekday)
      // by tomorrow today has closed: the other variants have a day of stock on record and get their first forecast
      expect(await module.forecasts.runNightIfDue(night.toJSDate())).toMatchObject({ kind: "refit", failed: 0 })
      expect(await module.forecasts.runNightIfDue(night.plus({ minutes: 30 }).toJSDate())).toBeNull()
      const refitted = await beansState()
      expect(refitted.last_date).toBe(now().toISODate())
      expect(new Date(refitted.fitted_at).getTime()).toBeGreaterThan(new Date(refitted.selected_at).getTime())
      expect(await schedule()).toEqual({ selectedOn: now().toISODate(), refitOn: night.toISODate() })
      // What an operator is told of it: every series and the night's run.
      const [stored] = (await dbConnection.raw("select count(*)::int as series, max(fitted_at) as fitted, max(selected_at) as selected from order_rhythm_forecast_state")).rows
      expect(stored.series).toBeGreaterThan(1)
      expect(await status()).toEqual({ series: stored.series, last_fitted_at: stored.fitted.toISOString(), last_selected_at: stored.selected.toISOString() })

      // the night after, the selection weekday: the contest runs again, once, and the refit does not run beside it
      const selectionNight = night.plus({ days: 1 })
      expect(selectionNight.weekday).toBe(SELECTION_NIGHT.weekday)
      expect(await module.forecasts.runNightIfDue(selectionNight.toJSDate())).toMatchObject({ kind: "select", failed: 0 })
      expect(await module.forecasts.runNightIfDue(selectionNight.plus({ minutes: 30 }).toJSDate())).toBeNull()
      expect(await schedule()).toEqual({ selectedOn: selectionNight.toISODate(), refitOn: selectionNight.toISODate() })
      const selected = await beansState()
      expect(selected.last_date).toBe(night.toISODate())
      expect(new Date(selected.selected_at).getTime()).toBeGreaterThan(new Date(refitted.fitted_at).getTime())
    })

    it("stores forecasts too small or too large for PostgreSQL's real as 0 or at its edge, instead of failing the batch", async () => {
      // A gift set that stopped selling months ago: ADIDA's level over the zeros was 8.1e-49 a day,
      // which float4 refuses, and the demo's first selection failed on it (and with it every series of its batch).
      const point = { location_id: "", horizon: 1, origin_date: "2026-01-01", target_date: "2026-01-02", lo95: 0 }
      await insertPoints(getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION), [
        { ...point, variant_id: "variant_tiny", forecast: 8.095227244173111e-49, hi95: 1e-45, scale: 2e-50 },
        { ...point, variant_id: "variant_huge", forecast: 1e39, hi95: 1e40, scale: 1 },
        { ...point, variant_id: "variant_plain", forecast: 2.5, hi95: 6, scale: 1.5 },
      ])
      const rows = (
        await dbConnection.raw("select variant_id, forecast, hi95, scale from order_rhythm_forecast_point where variant_id in ('variant_tiny', 'variant_huge', 'variant_plain') order by variant_id")
      ).rows
      expect(rows.map((r: any) => r.variant_id)).toEqual(["variant_huge", "variant_plain", "variant_tiny"])
      expect(rows[0].forecast).toBeGreaterThan(3.4e38)
      expect(rows[1]).toMatchObject({ forecast: 2.5, hi95: 6, scale: 1.5 })
      expect(rows[2]).toMatchObject({ forecast: 0, hi95: 0, scale: 0 })
    })

    it("answers bad requests with 400 naming the field, and an unknown variant with 404", async () => {
      const beans = store.variants["BEANS-250"]
      expect(await failure(getForecasts(""))).toMatchObject({ status: 400, message: expect.stringContaining("variant_id") })
      expect(await failure(getForecasts(`variant_id=${beans.id}&horizon=abc`))).toMatchObject({ status: 400, message: expect.stringContaining("horizon") })
      expect(await failure(getForecasts(`variant_id=${beans.id}&horizon=0`))).toMatchObject({ status: 400, message: expect.stringContaining("horizon") })
      expect(await failure(getForecasts(`variant_id=${beans.id}&horizon=181`))).toMatchObject({ status: 400, message: expect.stringContaining("horizon") })
      expect(await failure(getForecasts(`variant_id=${beans.id}&colour=red`))).toMatchObject({ status: 400, message: expect.stringContaining("colour") })
      expect(await failure(getForecasts("variant_id=variant_nope"))).toMatchObject({ status: 404, message: expect.stringContaining("variant_id: unknown product variant variant_nope") })

      const recompute = (body: unknown) => api.post("/admin/order-rhythm/forecasts/recompute", body, h())
      expect(await failure(recompute({ kind: "everything" }))).toMatchObject({ status: 400, message: expect.stringContaining("kind") })
      expect(await failure(recompute({ variant_id: [] }))).toMatchObject({ status: 400, message: expect.stringContaining("variant_id") })
      expect(await failure(recompute({ variant_id: "variant_nope" }))).toMatchObject({ status: 404, message: expect.stringContaining("variant_nope") })
      expect(await failure(recompute({ wait: "yes" }))).toMatchObject({ status: 400, message: expect.stringContaining("wait") })
      // all variants: a store with no history fits nothing, and says so
      expect((await recompute({})).data.recompute).toMatchObject({ kind: "select", series: 0, fitted: 0 })
    })
  },
})
