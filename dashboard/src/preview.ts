import { mount } from "svelte"
import Wall from "./components/Wall.svelte"
import { backlogFixture, cycleTimesFixture, heatMapFixture, seriesFixture, slaFixture, tickerFixture, todayFixture, totalsFixture } from "./lib/charts/fixtures"
import { wordsFor } from "./lib/i18n/words"
import { parseKiosk } from "./lib/kiosk"
import { applySnapshot, emptyLiveState } from "@order-rhythm/live-client"
import type { ConnectionState } from "./lib/live/connection-state"
import "./app.css"

// `vite dev` and `vite build --mode fixture` only (never in the shipped wall): the wall with
// fixture data and no server, for the layout test and the docs' screenshots. `?empty` shows the
// wall before its first snapshot, `?stale` the badge after a drop, `?now=<ISO>` moves the clock,
// plus the kiosk params.
const params = new URLSearchParams(window.location.search)
const STORE_ZONE = "Europe/Berlin"
const kiosk = parseKiosk(window.location.search)
document.documentElement.dataset.theme = kiosk.theme
document.documentElement.lang = kiosk.lang
const live = params.has("empty")
  ? emptyLiveState
  : applySnapshot(emptyLiveState, {
      seqs: { wall: 1 },
      at: "2025-06-02T12:30:00Z",
      timezone: STORE_ZONE,
      rooms: {
        wall: {
          rhythm: {
            today: todayFixture(),
            series: seriesFixture(),
            backlog: backlogFixture(),
            cycleTimes: cycleTimesFixture(),
            sla: slaFixture(),
            heatMap: heatMapFixture(),
            rates: {
              hours: 336,
              intake: { orders: 2900, units: 6000, ordersPerHour: 8.6, unitsPerHour: 17.9 },
              fulfilment: { fulfilments: 2800, fulfilmentsPerHour: 8.3, units: null, unitsPerHour: null },
            },
          },
          totals: { today: totalsFixture() },
          ticker: { latest: tickerFixture() },
        },
      },
    }).state
const connection: ConnectionState = params.has("stale")
  ? { kind: "stale", since: "2025-06-02T12:07:00Z" }
  : { kind: "live", since: "2025-06-02T12:00:00Z" }

const target = document.getElementById("app")
if (target) {
  mount(Wall, {
    target,
    props: { connection, live, view: kiosk.view, channel: undefined, words: wordsFor(kiosk.lang), locale: kiosk.lang, storeZone: STORE_ZONE, now: new Date(params.get("now") ?? "2025-06-02T12:31:00Z") },
  })
}
