import { afterEach, describe, expect, it } from "vitest"
import { cleanup, render } from "@testing-library/svelte"
import Wall from "./Wall.svelte"
import { applySnapshot, emptyLiveState } from "@order-rhythm/live-client"
import { wordsFor } from "../lib/i18n/words"

afterEach(cleanup)

const now = new Date("2025-06-02T12:31:00Z")
const props = { connection: { kind: "connecting" } as const, view: "rhythm" as const, channel: undefined, words: wordsFor("en"), locale: "en", now }

describe("the wall's clock", () => {
  it("keeps the store's time before the first snapshot, from the zone the wall server told", () => {
    const { getByTestId } = render(Wall, { props: { ...props, live: emptyLiveState, storeZone: "Asia/Shanghai" } })
    expect(getByTestId("clock").textContent).toBe("Mon, Jun 2 20:31")
  })

  it("follows the snapshot's zone once there is one", () => {
    const live = applySnapshot(emptyLiveState, { seqs: { wall: 1 }, at: "2025-06-02T12:30:00Z", timezone: "America/New_York", rooms: {} }).state
    const { getByTestId } = render(Wall, { props: { ...props, live, storeZone: "Asia/Shanghai" } })
    expect(getByTestId("clock").textContent).toBe("Mon, Jun 2 08:31")
  })

  it("shows no time rather than the screen's own zone while the store's is unknown", () => {
    const { getByTestId } = render(Wall, { props: { ...props, live: emptyLiveState } })
    expect(getByTestId("clock").textContent).toBe("")
  })
})
