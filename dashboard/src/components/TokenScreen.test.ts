import { afterEach, describe, expect, it, vi } from "vitest"
import { cleanup, fireEvent, render } from "@testing-library/svelte"
import TokenScreen from "./TokenScreen.svelte"
import ConnectionBadge from "./ConnectionBadge.svelte"
import { wordsFor } from "../lib/i18n/words"

afterEach(cleanup)

describe("TokenScreen", () => {
  it("asks for a token to paste, and hands it on trimmed", async () => {
    const onToken = vi.fn()
    const { getByLabelText, getByRole } = render(TokenScreen, { props: { words: wordsFor("en"), onToken } })
    await fireEvent.input(getByLabelText("Paste a display token"), { target: { value: "  dt_abc  " } })
    await fireEvent.click(getByRole("button"))
    expect(onToken).toHaveBeenCalledWith("dt_abc")
  })

  it("says plainly why the token was refused, in the wall's language and the server's words", () => {
    const { getByRole, getByTestId } = render(TokenScreen, {
      props: { words: wordsFor("zh-CN"), refusal: { headline: "看板令牌已被撤销。", detail: "Token dt_… was revoked on 2 June." }, onToken: () => {} },
    })
    expect(getByRole("alert").textContent).toBe("看板令牌已被撤销。")
    expect(getByTestId("token-screen").textContent).toContain("was revoked on 2 June")
  })
})

describe("ConnectionBadge", () => {
  it("turns from live to stale since HH:mm on the store's clock", async () => {
    const words = wordsFor("zh-CN")
    const { getByTestId, rerender } = render(ConnectionBadge, {
      props: { connection: { kind: "live", since: "2025-06-02T10:00:00Z" }, words, timezone: "Asia/Shanghai" },
    })
    expect(getByTestId("connection").textContent?.trim()).toBe("实时")
    await rerender({ connection: { kind: "stale", since: "2025-06-02T10:07:00Z" }, words, timezone: "Asia/Shanghai" })
    expect(getByTestId("connection").textContent?.trim()).toBe("数据已过期，自 18:07")
    expect(getByTestId("connection").classList.contains("stale")).toBe(true)
  })
})
